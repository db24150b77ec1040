import type {
	IAuthenticateRuleResponseCode,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

/**
 * One credential per tenant endpoint: a GOWA server (with its base path), its basic-auth pair,
 * the device used when an item names none, the webhook secret and the tenant's default country code.
 */
export class WhatsAppMultiDeviceApi implements ICredentialType {
	name = 'whatsAppMultiDeviceApi';

	displayName = 'WhatsApp MultiDevice API';

	icon: Icon = {
		light: 'file:../icons/whatsapp-multidevice.svg',
		dark: 'file:../icons/whatsapp-multidevice.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-whatsapp-multidevice/n8n-nodes-whatsapp-multidevice#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://wa.tenant-a.example/gowa',
			description:
				"Address of this tenant's GOWA server, including its base path (APP_BASE_PATH) if it has one",
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			description: 'Basic-auth user (GOWA --basic-auth). Leave empty if the server runs without basic auth.',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Basic-auth password (GOWA --basic-auth)',
		},
		{
			displayName: 'Default Device ID',
			name: 'deviceId',
			type: 'string',
			default: '',
			placeholder: 'e.g. salon-main',
			description:
				'Device sent as X-Device-Id when an item names none. Needed when the server has more than one device. A device slot ID or its WhatsApp JID.',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Secret GOWA signs its webhooks with (X-Hub-Signature-256). Used by the WhatsApp MultiDevice Trigger. GOWA's own default is the word 'secret': set a long random value instead.",
		},
		{
			displayName: 'Default Country Code',
			name: 'defaultCountryCode',
			type: 'string',
			default: '',
			placeholder: 'e.g. 62',
			description:
				'Country calling code (digits only) used to turn local numbers such as 0812… into international ones (62812…)',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const username = typeof credentials.username === 'string' ? credentials.username : '';
		if (username === '') return requestOptions;
		const password = typeof credentials.password === 'string' ? credentials.password : '';
		return { ...requestOptions, auth: { username, password } };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/devices',
			method: 'GET',
			// As every GOWA request of the nodes: redirects are not followed, so the password never reaches another host.
			disableFollowRedirect: true,
			maxRedirects: 0,
			sendCredentialsOnCrossOriginRedirect: false,
		},
		// n8n types rules as one kind per list; it reads them one by one and accepts both kinds in one list.
		rules: [
			...[301, 302, 303, 307, 308].map((value) => ({
				type: 'responseCode' as const,
				properties: {
					value,
					message:
						'The Base URL answers with a redirect, which is not followed (the password would go to another address). Set Base URL to the address GOWA really answers at.',
				},
			})),
			{
				type: 'responseCode',
				properties: {
					value: 502,
					message: 'The proxy in front of GOWA could not reach it (HTTP 502). Check that GOWA is running behind the proxy.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 504,
					message: 'The proxy in front of GOWA could not reach it (HTTP 504). Check that GOWA is running behind the proxy.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'GOWA refused the username or password. Check Username and Password against the server’s --basic-auth setting.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No GOWA API answers at this Base URL. Check the host and the base path (APP_BASE_PATH), e.g. https://wa.example.com/gowa.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 503,
					message: 'GOWA answered 503: its device manager is not available. Check the server logs.',
				},
			},
			{
				// GOWA always answers with a JSON envelope {code, message, results}: a 2xx without `code` (an HTML page, a
				// captive portal, a Base URL missing its base path that lands on another app) is not GOWA.
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: undefined,
					message:
						'Something answered at this Base URL, but not GOWA (no GOWA JSON answer): check the base path (APP_BASE_PATH) and that no login or maintenance page is in front of it.',
				},
			},
		] as IAuthenticateRuleResponseCode[],
	};
}
