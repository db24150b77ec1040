/**
 * One runnable case per User operation against the simulator's default device. Run each with
 * `runNode({ parameters: c.parameters, items: c.items, credentials })` from test/harness.
 */
import type { OperationCase } from './send.cases';

// A real 1×1 PNG (GOWA decodes the picture).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const customer = { phone: '+62 812-3456-7890' };

const user = (operation: string, parameters: Record<string, unknown> = {}): OperationCase => ({
	resource: 'user',
	operation,
	parameters: { resource: 'user', operation, ...parameters },
	items: [{ json: customer }],
});

export const cases: OperationCase[] = [
	user('getInfo', { phone: '={{ $json.phone }}' }),
	user('check', { phone: '={{ $json.phone }}' }),
	user('getAvatar', { phone: '={{ $json.phone }}', download: false, options: {} }),
	{
		...user('setAvatar', { binaryPropertyName: 'data' }),
		items: [{ json: customer, binary: { data: { data: PNG, mimeType: 'image/png', fileName: 'salon-logo.png' } } }],
	},
	user('setPushName', { pushName: 'Salon Ayu' }),
	user('getPrivacy'),
	user('getGroups', { returnAll: true, simplify: true }),
	user('getNewsletters', { returnAll: true, simplify: true }),
	user('getContacts', { returnAll: false, limit: 10 }),
	user('getBusinessProfile', { phone: '={{ $json.phone }}' }),
];
