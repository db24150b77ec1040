import type { ICredentialTestRequest, ICredentialType, IAuthenticateGeneric, INodeProperties, Icon } from 'n8n-workflow';

/**
 * One credential per tenant of Meta's WhatsApp Business Cloud API: a WhatsApp Business Account (WABA), its
 * system-user access token, the phone number it sends from by default, and (for the trigger) the app secret and
 * verify token.
 */
export class WhatsAppCloudApi implements ICredentialType {
	name = 'whatsAppCloudApi';

	displayName = 'WhatsApp Cloud API';

	icon: Icon = {
		light: 'file:../icons/whatsapp-cloud.svg',
		dark: 'file:../icons/whatsapp-cloud.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-whatsapp-multidevice/n8n-nodes-whatsapp-multidevice#whatsapp-cloud-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'System-user access token of this business (Business Settings → System Users → Generate Token) with the whatsapp_business_messaging and whatsapp_business_management permissions',
		},
		{
			displayName: 'WhatsApp Business Account ID',
			name: 'businessAccountId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 102290129340398',
			description: 'The WABA ID (WhatsApp Manager → Account tools → Business account). Templates and phone numbers are listed from it.',
		},
		{
			displayName: 'Default Phone Number ID',
			name: 'phoneNumberId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 106540352242922',
			description: 'ID of the business phone number to send from when a node names none. This is not the phone number itself: it is shown under API Setup in the Meta app.',
		},
		{
			displayName: 'Graph API Version',
			name: 'graphApiVersion',
			type: 'string',
			default: 'v23.0',
			placeholder: 'e.g. v23.0',
			description: 'Graph API version every request uses. v23.0 is the version this package is tested against.',
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: "The Meta app's secret (App settings → Basic). Checks the signature of incoming webhooks (X-Hub-Signature-256).",
		},
		{
			displayName: 'Verify Token',
			name: 'verifyToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'A random string of your choice that Meta echoes when it verifies the webhook URL',
		},
		{
			displayName: 'Graph Base URL',
			name: 'graphBaseUrl',
			type: 'string',
			default: 'https://graph.facebook.com',
			description: "Leave as is for Meta. Change only for a proxy or a test server; the token is sent only to this address's host.",
		},
		{
			displayName: 'Default Country Code',
			name: 'defaultCountryCode',
			type: 'string',
			default: '',
			placeholder: 'e.g. 62',
			description: 'Country calling code (digits only) used to turn local numbers such as 0812… into international ones (62812…)',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{($credentials.graphBaseUrl || "https://graph.facebook.com").replace(/\\/+$/, "")}}',
			url: '={{"/" + ($credentials.graphApiVersion || "v23.0") + "/" + encodeURIComponent($credentials.phoneNumberId)}}',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Meta rejected the access token (error 190: expired, revoked or mistyped). Generate a new system-user token and paste it into Access Token.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'The token lacks a permission or access to this number (error 10/200). Give the system user the whatsapp_business_messaging and whatsapp_business_management permissions and assign it the WhatsApp account.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message: 'Meta knows no phone number with this Default Phone Number ID, or this token cannot see it (error 100). Copy the Phone number ID from API Setup in the Meta app.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'Meta knows no phone number with this Default Phone Number ID (error 100), or Graph Base URL is wrong. Copy the Phone number ID from API Setup in the Meta app.',
				},
			},
		],
	};
}
