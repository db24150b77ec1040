import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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

/**
 * The outcome of a scheduled send (GOWA v9.5): no message exists yet, only the schedule. An answer without
 * `schedule_id` is not taken as scheduled: with a `message_id` the server sent the message at once.
 */
export function scheduledOutcome(context: IExecuteFunctions, itemIndex: number, results: IDataObject | IDataObject[], recipient: string | undefined): IDataObject {
	const answer = Array.isArray(results) ? {} : results;
	const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
	const scheduleId = text(answer.schedule_id);
	if (scheduleId === null) {
		const messageId = text(answer.message_id);
		throw new NodeOperationError(
			context.getNode(),
			messageId === null ? 'GOWA accepted the scheduled send but returned no schedule ID' : `GOWA sent the message at once (message ID ${messageId}) instead of scheduling it`,
			{
				itemIndex,
				description:
					messageId === null
						? 'Whether it was scheduled is unknown: look for it with Scheduled Send → Get Many before sending it again.'
						: 'The message was delivered now; do not send it again. This server ignores schedule fields: update it to GOWA v9.5 or newer.',
			},
		);
	}
	return {
		status: 'scheduled',
		scheduleId,
		scheduledAt: text(answer.scheduled_at),
		nextRunAt: text(answer.next_run_at),
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
