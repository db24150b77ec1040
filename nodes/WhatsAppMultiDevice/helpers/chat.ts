import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { gowaRequest } from '../../shared/transport';
import { deviceOverride } from './device';
import { collectOffsetPages, dataArray, getListLimit } from './paging';
import { getRecipient } from './recipient';

/** Reads the Chat field (phone number or chat JID) and returns the normalised JID. */
export async function getChatJid(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return (await getRecipient.call(this, itemIndex, 'chat', 'Chat')).jid;
}

/** `/chat/{chat_jid}/{action}` with the JID percent-encoded (GOWA decodes it). */
export function chatPath(jid: string, action: string): string {
	return `/chat/${encodeURIComponent(jid)}/${action}`;
}

/** POSTs a chat setting (pin, archive, disappearing timer) for the item's device; returns GOWA's results. */
export async function postChatSetting(
	this: IExecuteFunctions,
	itemIndex: number,
	action: string,
	body: IDataObject,
): Promise<{ chat: string; results: IDataObject }> {
	const chat = await getChatJid.call(this, itemIndex);
	const answer = await gowaRequest.call(this, {
		method: 'POST',
		path: chatPath(chat, action),
		body,
		deviceScoped: true,
		deviceId: deviceOverride(this, itemIndex),
		itemIndex,
	});
	return { chat, results: Array.isArray(answer) ? {} : answer };
}

/**
 * A date-time field value (ISO text, a Luxon DateTime or a Date) as RFC 3339 with offset, as GOWA parses it.
 * Text without an offset is read in the workflow's time zone. Undefined when empty.
 */
export function toRfc3339(context: IExecuteFunctions, itemIndex: number, value: unknown, displayName: string): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let parsed: DateTime;
	if (DateTime.isDateTime(value)) parsed = value;
	else if (value instanceof Date) parsed = DateTime.fromJSDate(value);
	else parsed = DateTime.fromISO(String(value).trim(), { zone: context.getTimezone(), setZone: true });
	if (!parsed.isValid) {
		throw new NodeOperationError(context.getNode(), `${displayName} "${String(value)}" is not a date and time`, {
			itemIndex,
			description: 'Use an ISO 8601 date-time such as 2026-01-31T09:00:00+07:00, or pick one in the date picker.',
		});
	}
	return parsed.toISO({ suppressMilliseconds: true }) ?? undefined;
}

/**
 * All pages (or up to the limit) of a list from GOWA's chat storage — `/chats`, `/chat/{jid}/messages` — which page
 * with limit/offset and report `pagination.total`.
 */
export async function collectChatStorageList(
	this: IExecuteFunctions,
	itemIndex: number,
	path: string,
	qs: IDataObject,
	pageSize: number,
): Promise<IDataObject[]> {
	const deviceId = deviceOverride(this, itemIndex);
	return await collectOffsetPages(
		async (offset, limit) => {
			const results = await gowaRequest.call(this, { method: 'GET', path, qs: { ...qs, limit, offset }, deviceScoped: true, deviceId, itemIndex });
			const pagination = (Array.isArray(results) ? undefined : results.pagination) as IDataObject | undefined;
			const total = typeof pagination?.total === 'number' ? pagination.total : undefined;
			return { entries: dataArray(results), total };
		},
		getListLimit(this, itemIndex),
		pageSize,
	);
}
