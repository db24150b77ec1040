import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { gowaRequest } from '../../../shared/transport';
import { chatPath, getChatJid, toRfc3339 } from '../../helpers/chat';
import { deviceOverride } from '../../helpers/device';
import { collectOffsetPages, dataArray, getListLimit } from '../../helpers/paging';
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
				description: 'Whether to return only messages with media (image, video, audio, document, sticker). Takes precedence over Sender.',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. appointment',
				description: 'Return only messages whose text contains this',
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
	const search = optionalText(filters.search);
	if (search !== undefined) qs.search = search.trim();
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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const chat = await getChatJid.call(this, itemIndex);
	const listLimit = getListLimit(this, itemIndex);
	const qs = messageFilters(this, itemIndex, this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
	const deviceId = deviceOverride(this, itemIndex);

	const messages = await collectOffsetPages(
		async (offset, limit) => {
			const results = await gowaRequest.call(this, {
				method: 'GET',
				path: chatPath(chat, 'messages'),
				qs: { ...qs, limit, offset },
				deviceScoped: true,
				deviceId,
				itemIndex,
			});
			const pagination = (Array.isArray(results) ? undefined : results.pagination) as IDataObject | undefined;
			const total = typeof pagination?.total === 'number' ? pagination.total : undefined;
			return { entries: dataArray(results), total };
		},
		listLimit,
		PAGE_SIZE,
	);
	return messages.map((message) => ({ json: message }));
}
