import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { gowaRequest } from '../../shared/transport';
import { deviceOverride } from './device';
import { getPhoneList } from './recipient';

/** One request to a `/group…` route for the item's device; returns GOWA's `results` (an object when it had none). */
export async function groupRequest(
	this: IExecuteFunctions,
	itemIndex: number,
	method: IHttpRequestMethods,
	path: string,
	input: { body?: IDataObject | FormData; qs?: IDataObject } = {},
): Promise<IDataObject | IDataObject[]> {
	return await gowaRequest.call(this, {
		method,
		path,
		...input,
		deviceScoped: true,
		deviceId: deviceOverride(this, itemIndex),
		itemIndex,
	});
}

/**
 * Reads the Participants field as bare international numbers: GOWA appends @s.whatsapp.net itself and rejects
 * JIDs and @lid ids here (NOTES §2.8). At least one is required.
 */
export async function getParticipants(this: IExecuteFunctions, itemIndex: number): Promise<string[]> {
	const raw = this.getNodeParameter('participants', itemIndex, '') as unknown;
	const participants = [...new Set(await getPhoneList.call(this, itemIndex, raw, 'Participants'))];
	if (participants.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Participants is empty', {
			itemIndex,
			description: 'Enter at least one phone number, e.g. +62 812-3456-7890; separate several with commas.',
		});
	}
	return participants;
}

/** One output item per participant outcome (`[{participant, status, message}]`), tagged with the group. */
export function participantOutcomes(results: IDataObject | IDataObject[], groupId: string, action: string): INodeExecutionData[] {
	const list = Array.isArray(results) ? results : [];
	return list.map((entry) => ({
		json: {
			groupId,
			action,
			participant: entry.participant ?? null,
			status: entry.status ?? null,
			message: entry.message ?? null,
		},
	}));
}

const INVITE_PREFIX = 'https://chat.whatsapp.com/';

/** Reads an invite link (https://chat.whatsapp.com/CODE, with or without scheme or query) or the bare code. */
export function getInviteLink(context: IExecuteFunctions, itemIndex: number): string {
	const raw = context.getNodeParameter('link', itemIndex, '') as unknown;
	const text = typeof raw === 'string' ? raw.trim() : '';
	const match = text.match(/^(?:(?:https?:\/\/)?chat\.whatsapp\.com\/(?:invite\/)?)?([A-Za-z0-9]{6,})\/?(?:[?#].*)?$/i);
	if (!match) {
		throw new NodeOperationError(context.getNode(), `Invite Link "${text}" is not a WhatsApp group invite link`, {
			itemIndex,
			description: 'Use a link such as https://chat.whatsapp.com/AbCdEfGhIjK1234567890, or just its code.',
		});
	}
	return `${INVITE_PREFIX}${match[1]}`;
}

/** A success item for group settings that GOWA answers without results. */
export function groupSuccess(groupId: string, fields: IDataObject, results: IDataObject | IDataObject[]): INodeExecutionData[] {
	const message = Array.isArray(results) ? undefined : results.message;
	return [{ json: { success: true, groupId, ...fields, serverStatus: typeof message === 'string' && message !== '' ? message : null } }];
}

/** POSTs `{group_id, participants}` to a participant route and returns one item per participant outcome. */
export async function changeParticipants(
	this: IExecuteFunctions,
	itemIndex: number,
	path: string,
	action: string,
	groupId: string,
): Promise<INodeExecutionData[]> {
	const participants = await getParticipants.call(this, itemIndex);
	const results = await groupRequest.call(this, itemIndex, 'POST', path, { body: { group_id: groupId, participants } });
	return participantOutcomes(results, groupId, action);
}

/** Data rows of a CSV text (header excluded); new lines inside quoted fields do not end a row. */
export function csvRowCount(text: string): number {
	let rows = 0;
	let quoted = false;
	let rowHasContent = false;
	for (const character of text) {
		if (character === '"') quoted = !quoted;
		if (!quoted && (character === '\n' || character === '\r')) {
			if (rowHasContent) rows++;
			rowHasContent = false;
			continue;
		}
		rowHasContent = true;
	}
	if (rowHasContent) rows++;
	return Math.max(0, rows - 1);
}
