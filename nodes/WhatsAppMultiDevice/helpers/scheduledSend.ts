import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { gowaEnvelopeRequest } from '../../shared/transport';
import { requireFeature } from './capabilities';
import { deviceOverride } from './device';

/** Reads the Schedule ID field: GOWA's id of a scheduled send (no spaces or slashes). */
export function getScheduleId(context: IExecuteFunctions, itemIndex: number): string {
	const raw = context.getNodeParameter('scheduleId', itemIndex, '') as unknown;
	const scheduleId = typeof raw === 'string' ? raw.trim() : raw === undefined || raw === null ? '' : String(raw).trim();
	if (scheduleId === '') {
		throw new NodeOperationError(context.getNode(), 'Schedule ID is empty', {
			itemIndex,
			description: 'Map the scheduleId a send with Schedule At returned, e.g. {{ $json.scheduleId }}.',
		});
	}
	if (/[\s/?#]/.test(scheduleId)) {
		throw new NodeOperationError(context.getNode(), `Schedule ID "${scheduleId}" is not a GOWA schedule ID`, {
			itemIndex,
			description: 'Schedule IDs look like 0b5c3a8e-7f5d-4d6f-9d1e-2f8c1a7b9e10.',
		});
	}
	return scheduleId;
}

/** `/send/schedules/{id}[/action]` with the id URL-encoded. */
export function schedulePath(scheduleId: string, action?: string): string {
	return `/send/schedules/${encodeURIComponent(scheduleId)}${action === undefined ? '' : `/${action}`}`;
}

/** A request to the item's device's schedules (`results` plus GOWA's message as `serverMessage`), made only when the server has scheduled sends (GOWA v9.5+). */
export async function scheduleRequest(
	this: IExecuteFunctions,
	itemIndex: number,
	method: 'GET' | 'POST',
	path: string,
	qs?: IDataObject,
): Promise<IDataObject> {
	await requireFeature.call(this, itemIndex, 'scheduledSends');
	const envelope = await gowaEnvelopeRequest.call(this, {
		method,
		path,
		qs,
		deviceScoped: true,
		deviceId: deviceOverride(this, itemIndex),
		itemIndex,
	});
	const results = envelope.results && typeof envelope.results === 'object' && !Array.isArray(envelope.results) ? (envelope.results as IDataObject) : {};
	return { ...results, serverMessage: envelope.message ?? null };
}

/** Pause / Resume / Cancel: POST the action and report the schedule's new status. */
export async function changeSchedule(this: IExecuteFunctions, itemIndex: number, action: 'pause' | 'resume' | 'cancel'): Promise<IDataObject> {
	const scheduleId = getScheduleId(this, itemIndex);
	const answer = await scheduleRequest.call(this, itemIndex, 'POST', schedulePath(scheduleId, action));
	const status = { pause: 'paused', resume: 'active', cancel: 'cancelled' }[action];
	return { success: true, scheduleId, status, serverStatus: answer.serverMessage ?? null };
}
