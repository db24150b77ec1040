import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { gowaRequest } from '../../../shared/transport';
import { deviceOverride } from '../../helpers/device';
import { getNewsletterId } from '../../helpers/newsletter';
import { collectCursorPages, dataArray, getListLimit } from '../../helpers/paging';
import { limitField, returnAllField } from '../common.descriptions';
import { newsletterIdField } from './newsletter.descriptions';

const properties: INodeProperties[] = [
	newsletterIdField,
	returnAllField,
	limitField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Older Than Server ID',
				name: 'before',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0 },
				description:
					'Start below this server_id: only posts older than it are returned (e.g. the oldest server_id of an earlier run). 0 starts with the latest post.',
			},
		],
	},
];

const displayOptions = { show: { resource: ['newsletter'], operation: ['getMessages'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GOWA returns at most 100 messages per request (`count`); older pages via `before` = oldest server_id so far. */
const PAGE_SIZE = 100;

function oldestServerId(entries: IDataObject[]): number | undefined {
	const ids = entries.map((entry) => Number(entry.server_id)).filter((id) => Number.isInteger(id) && id > 0);
	return ids.length > 0 ? Math.min(...ids) : undefined;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const newsletterId = getNewsletterId(this, itemIndex);
	const listLimit = getListLimit(this, itemIndex);
	const deviceId = deviceOverride(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const start = Number(options.before ?? 0);
	if (!Number.isInteger(start) || start < 0) {
		throw new NodeOperationError(this.getNode(), `Older Than Server ID must be a whole number of 0 or more, not "${String(options.before)}"`, {
			itemIndex,
			description: 'Use the server_id of a channel post, or 0 to start with the latest post.',
		});
	}
	const messages = await collectCursorPages(
		async (before, count) => {
			const qs: IDataObject = { newsletter_id: newsletterId, count };
			if (before !== undefined) qs.before = before;
			const results = await gowaRequest.call(this, { method: 'GET', path: '/newsletter/messages', qs, deviceScoped: true, deviceId, itemIndex });
			const entries = dataArray(results);
			return { entries, next: oldestServerId(entries) };
		},
		listLimit,
		PAGE_SIZE,
		start > 0 ? start : undefined,
	);
	return messages.map((message) => ({ json: { ...message, newsletter_id: newsletterId } }));
}
