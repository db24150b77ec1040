import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Provider, SendTracking } from '../../shared/inboundEvent';
import { getConnection } from '../../shared/transport';
import { deviceOverride } from './device';

/** Which provider and device a send went through: the item's Device override, else the credential's default. */
export interface SendOrigin {
	provider: Provider;
	tenant: string | null;
}

export async function sendOrigin(this: IExecuteFunctions, itemIndex: number): Promise<SendOrigin> {
	const override = deviceOverride(this, itemIndex);
	const tenant = override !== '' ? override : (await getConnection.call(this, itemIndex)).defaultDeviceId;
	return { provider: 'gowa', tenant: tenant === '' ? null : tenant };
}

/**
 * The outcome of one send, flat so a workflow can log delivery per booking without digging. It starts with the
 * tracking fields both action nodes share (the inbox feed's outbound row): status events of the triggers carry the
 * same `messageId`.
 */
export function sendOutcome(results: IDataObject | IDataObject[], recipient: string | undefined, origin: SendOrigin): IDataObject {
	const answer = Array.isArray(results) ? {} : results;
	const messageId = (answer.message_id ?? null) as string | null;
	const tracking: SendTracking = { provider: origin.provider, tenant: origin.tenant, messageId, status: 'sent' };
	return {
		...tracking,
		recipient: recipient ?? null,
		attempts: 1,
		serverStatus: answer.status ?? answer.message ?? null,
	};
}

/**
 * The outcome of a scheduled send (GOWA v9.5): no message exists yet, only the schedule. An answer without
 * `schedule_id` is not taken as scheduled: with a `message_id` the server sent the message at once.
 */
export function scheduledOutcome(
	context: IExecuteFunctions,
	itemIndex: number,
	results: IDataObject | IDataObject[],
	recipient: string | undefined,
	origin: SendOrigin,
): IDataObject {
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
		provider: origin.provider,
		tenant: origin.tenant,
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
