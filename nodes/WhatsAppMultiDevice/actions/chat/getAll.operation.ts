import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectChatStorageList } from '../../helpers/chat';
import { optionalText } from '../../helpers/validation';
import { limitField, returnAllField } from '../common.descriptions';

const properties: INodeProperties[] = [
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
				displayName: 'Archived',
				name: 'archived',
				type: 'options',
				default: 'archived',
				options: [
					{ name: 'Only Archived', value: 'archived' },
					{ name: 'Only Not Archived', value: 'notArchived' },
				],
				description: 'Whether to return only archived chats or only chats that are not archived (without this filter: both)',
			},
			{
				displayName: 'Has Media',
				name: 'hasMedia',
				type: 'boolean',
				default: true,
				description: 'Whether to return only chats that contain media messages',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. Salon',
				description: 'Return only chats whose name contains this text',
			},
		],
	},
];

const displayOptions = { show: { resource: ['chat'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GOWA answers at most 100 chats per request. */
const PAGE_SIZE = 100;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	const search = optionalText(filters.search);
	if (search !== undefined) qs.search = search.trim();
	if (filters.hasMedia === true) qs.has_media = true;
	if (filters.archived === 'archived') qs.archived = true;
	if (filters.archived === 'notArchived') qs.archived = false;

	const chats = await collectChatStorageList.call(this, itemIndex, '/chats', qs, PAGE_SIZE);
	return chats.map((chat) => ({ json: chat }));
}
