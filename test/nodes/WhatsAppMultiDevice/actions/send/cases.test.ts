/** The coverage table test/coverage/send.cases.ts: one case per Send operation, each accepted by GOWA. */
import { operations } from '../../../../../nodes/WhatsAppMultiDevice/actions/send/Send.resource';
import { cases } from '../../../../coverage/send.cases';
import { describeContract, expectContract, runNode } from '../../../../harness';
import { setupSendKit } from './sendKit';

test('the table has exactly one case per Send operation', () => {
	expect(cases.map((entry) => entry.operation).sort()).toEqual(Object.keys(operations).sort());
	for (const entry of cases) expect(entry.parameters).toMatchObject({ resource: entry.resource, operation: entry.operation });
});

describeContract('every case of the coverage table is sent and accepted', () => {
	const kit = setupSendKit();

	test.each(cases.map((entry) => [entry.operation, entry] as const))('%s', async (_operation, entry) => {
		const result = await runNode({ parameters: entry.parameters, items: entry.items, credentials: kit.gowa.credentials() });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.status)).toEqual(['sent']);
		const request = kit.only();
		expectContract(request);
	});
});
