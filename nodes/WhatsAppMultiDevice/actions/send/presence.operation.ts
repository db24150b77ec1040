import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { postSend } from '../../helpers/send';
import { forwardedOption, optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Presence',
		name: 'presence',
		type: 'options',
		default: 'available',
		options: [
			{ name: 'Available (Online)', value: 'available' },
			{ name: 'Unavailable (Offline)', value: 'unavailable' },
		],
		description: 'Whether the account shows as online to its contacts',
	},
	optionsCollection([forwardedOption]),
];

const displayOptions = { show: { resource: ['send'], operation: ['presence'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const presence = this.getNodeParameter('presence', itemIndex, 'available') as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = { type: presence === 'unavailable' ? 'unavailable' : 'available' };
	if (options.isForwarded !== undefined) body.is_forwarded = options.isForwarded === true;
	return await postSend.call(this, itemIndex, '/send/presence', body, undefined);
}
