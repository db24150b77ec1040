import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * n8n's own public API, for handing a customer's chat reply to the execution waiting for it (Send and Wait for
 * Response → Chat Reply): the waiting executions are looked up by their custom data. A community node cannot use
 * n8n-nodes-base's `n8nApi` credential, so this package has its own.
 */
export class WhatsAppN8nApi implements ICredentialType {
	name = 'whatsAppN8nApi';

	displayName = 'WhatsApp Chat Reply N8n API';

	icon: Icon = {
		light: 'file:../icons/whatsapp-multidevice.svg',
		dark: 'file:../icons/whatsapp-multidevice.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-whatsapp-multidevice/n8n-nodes-whatsapp-multidevice#send-and-wait-for-a-response';

	properties: INodeProperties[] = [
		{
			displayName: 'n8n Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://n8n.example.com',
			description: 'The address of this n8n instance (in queue mode: the one that serves webhooks), without /api/v1',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'An n8n API key (Settings → n8n API) that may read executions',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-N8N-API-KEY': '={{$credentials.apiKey}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl.replace(new RegExp("/+$"), "")}}', url: '/api/v1/executions', qs: { limit: 1 } },
	};
}
