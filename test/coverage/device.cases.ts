/**
 * One runnable case per Device operation, in an order that leaves the simulator as it found it: the default device
 * `salon-main` is only read (and reconnected); a device `coverage-device` is added with a webhook, its webhook read and
 * changed, paired, logged out and deleted again. Run each with
 * `runNode({ parameters: c.parameters, items: c.items, credentials })`, in this order.
 */
import type { OperationCase } from './send.cases';

const device = (operation: string, parameters: Record<string, unknown> = {}): OperationCase => ({
	resource: 'device',
	operation,
	parameters: { resource: 'device', operation, ...parameters },
});

export const cases: OperationCase[] = [
	device('getAll', { returnAll: true, filters: {} }),
	device('get', { device: 'salon-main' }),
	device('getStatus', { device: 'salon-main' }),
	device('reconnect', { device: 'salon-main' }),
	device('add', { newDeviceId: 'coverage-device', webhook: { webhookUrl: 'https://n8n.example.com/webhook/coverage/webhook', webhookEvents: ['message'] } }),
	device('getWebhook', { device: 'coverage-device' }),
	device('setWebhook', { device: 'coverage-device', webhookUrl: 'https://n8n.example.com/webhook/coverage/webhook', keepExisting: true, options: { webhookEvents: ['message', 'message.ack'] } }),
	device('login', { device: 'coverage-device', binaryPropertyName: 'qr' }),
	device('loginWithCode', { device: 'coverage-device', phone: '+62 812-3456-7890' }),
	device('logout', { device: 'coverage-device' }),
	device('delete', { device: 'coverage-device' }),
];
