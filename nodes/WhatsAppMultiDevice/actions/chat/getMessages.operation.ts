import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { gowaRequest } from '../../../shared/transport';
import { chatPath, collectChatStorageList, getChatJid, toRfc3339 } from '../../helpers/chat';
import { deviceOverride } from '../../helpers/device';
import { applyLimit, dataArray, getListLimit } from '../../helpers/paging';
import { optionalText } from '../../helpers/validation';
import { limitField, returnAllField } from '../common.descriptions';
import { chatJidField } from './chat.descriptions';

const properties: INodeProperties[] = [
	chatJidField,
	returnAllField,
	limitField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'After',
				name: 'startTime',
				type: 'dateTime',
				default: '',
				description: 'Return only messages sent at or after this time',
			},
			{
				displayName: 'Before',
				name: 'endTime',
				type: 'dateTime',
				default: '',
				description: 'Return only messages sent at or before this time',
			},
			{
				displayName: 'Media Only',
				name: 'mediaOnly',
				type: 'boolean',
				default: true,
				description: 'Whether to return only messages with media (image, video, audio, document, sticker)',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. appointment',
				description:
					'Return only messages whose text contains this. GOWA then answers with at most the 100 newest matches in one page; the other filters are applied by the node to those.',
			},
			{
				displayName: 'Sender',
				name: 'sender',
				type: 'options',
				default: 'fromMe',
				options: [
					{ name: 'Sent by This Account', value: 'fromMe' },
					{ name: 'Received From Others', value: 'fromOthers' },
				],
				description: 'Whether to return only messages this account sent, or only messages it received',
			},
		],
	},
];

const displayOptions = { show: { resource: ['chat'], operation: ['getMessages'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GOWA answers at most 100 messages per request. */
const PAGE_SIZE = 100;

function messageFilters(context: IExecuteFunctions, itemIndex: number, filters: IDataObject): IDataObject {
	const qs: IDataObject = {};
	if (filters.mediaOnly === true) qs.media_only = true;
	if (filters.sender === 'fromMe') qs.is_from_me = true;
	if (filters.sender === 'fromOthers') qs.is_from_me = false;
	const start = toRfc3339(context, itemIndex, filters.startTime, 'After');
	const end = toRfc3339(context, itemIndex, filters.endTime, 'Before');
	if (start !== undefined && end !== undefined && Date.parse(start) > Date.parse(end)) {
		throw new NodeOperationError(context.getNode(), `After (${start}) is later than Before (${end})`, {
			itemIndex,
			description: 'Swap the two times, or remove one of them.',
		});
	}
	if (start !== undefined) qs.start_time = start;
	if (end !== undefined) qs.end_time = end;
	return qs;
}

/**
 * GOWA's text search ignores offset and every other filter and returns the `limit` newest matches: one request
 * for up to 100, then the other filters are applied here, as the server would have.
 */
function matchesFilters(message: IDataObject, qs: IDataObject): boolean {
	const time = Date.parse(String(message.timestamp ?? ''));
	if (qs.start_time !== undefined && !(time >= Date.parse(qs.start_time as string))) return false;
	if (qs.end_time !== undefined && !(time <= Date.parse(qs.end_time as string))) return false;
	if (qs.media_only === true && (message.media_type === '' || message.media_type === 'call' || message.media_type === undefined)) return false;
	if (qs.is_from_me !== undefined && message.is_from_me !== qs.is_from_me) return false;
	return true;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const chat = await getChatJid.call(this, itemIndex);
	const listLimit = getListLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs = messageFilters(this, itemIndex, filters);
	const deviceId = deviceOverride(this, itemIndex);
	const search = optionalText(filters.search)?.trim();

	if (search !== undefined) {
		const results = await gowaRequest.call(this, {
			method: 'GET',
			path: chatPath(chat, 'messages'),
			qs: { search, limit: PAGE_SIZE },
			deviceScoped: true,
			deviceId,
			itemIndex,
		});
		const matches = dataArray(results).filter((message) => matchesFilters(message, qs));
		return applyLimit(matches, listLimit).map((message) => ({ json: message }));
	}

	const messages = await collectChatStorageList.call(this, itemIndex, chatPath(chat, 'messages'), qs, PAGE_SIZE);
	return messages.map((message) => ({ json: message }));
}
