import type { IDataObject } from 'n8n-workflow';

/** The outcome of one send, flat so a workflow can log delivery per booking without digging. */
export function sendOutcome(results: IDataObject | IDataObject[], recipient: string | undefined): IDataObject {
	const answer = Array.isArray(results) ? {} : results;
	return {
		status: 'sent',
		messageId: answer.message_id ?? null,
		recipient: recipient ?? null,
		attempts: 1,
		serverStatus: answer.status ?? answer.message ?? null,
	};
}

/** One output item per entry of a list answer; an empty list gives no items. */
export function listToJson(list: unknown): IDataObject[] {
	if (!Array.isArray(list)) return [];
	return list.map((entry) => (entry && typeof entry === 'object' ? (entry as IDataObject) : { value: entry as string }));
}
