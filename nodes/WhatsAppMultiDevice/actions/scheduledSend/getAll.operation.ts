import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectOffsetPages, dataArray, getListLimit } from '../../helpers/paging';
import { scheduleRequest } from '../../helpers/scheduledSend';
import { optionalText } from '../../helpers/validation';
import { limitField, returnAllField } from '../common.descriptions';

/** GOWA pages schedules 1–100 at a time (default 25). */
const PAGE_SIZE = 100;

const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Message Type',
				name: 'messageType',
				type: 'options',
				default: 'text',
				options: [
					{ name: 'Audio', value: 'audio' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'File', value: 'file' },
					{ name: 'Forward', value: 'forward' },
					{ name: 'Image', value: 'image' },
					{ name: 'Link', value: 'link' },
					{ name: 'Location', value: 'location' },
					{ name: 'Poll', value: 'poll' },
					{ name: 'Sticker', value: 'sticker' },
					{ name: 'Text', value: 'text' },
					{ name: 'Video', value: 'video' },
				],
				description: 'Only scheduled sends of this kind',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. 6281234567890 or BK-1024',
				description: 'Only scheduled sends whose recipient or message text contains this',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'active',
				options: [
					{ name: 'Active', value: 'active', description: 'Waiting for its next run' },
					{ name: 'Cancelled', value: 'cancelled' },
					{ name: 'Completed', value: 'completed', description: 'No runs left' },
					{ name: 'Failed', value: 'failed', description: 'GOWA gave up after retries or a validation error' },
					{ name: 'Paused', value: 'paused' },
					{ name: 'Running', value: 'running', description: 'Being sent right now' },
				],
				description: 'Only scheduled sends in this status',
			},
		],
	},
];

const displayOptions = { show: { resource: ['scheduledSend'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const listLimit = getListLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	for (const [option, field] of [['status', 'status'], ['messageType', 'message_type'], ['search', 'search']]) {
		const value = optionalText(filters[option]);
		if (value !== undefined) qs[field] = value.trim();
	}
	// Upcoming first (soonest next run), then finished ones, newest first — GOWA's own order.
	const schedules = await collectOffsetPages(
		async (offset, pageSize) => {
			const results = await scheduleRequest.call(this, itemIndex, 'GET', '/send/schedules', { ...qs, limit: pageSize, offset });
			const total = (results.pagination as IDataObject | undefined)?.total;
			return { entries: dataArray(results), total: typeof total === 'number' ? total : undefined };
		},
		listLimit,
		PAGE_SIZE,
	);
	return schedules.map((schedule) => ({ json: schedule }));
}
