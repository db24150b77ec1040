import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { postSend } from '../../helpers/send';
import { getRecipient } from '../../helpers/recipient';
import { commonSendFields } from '../../helpers/validation';
import { durationOption, forwardedOption, recipientField } from '../common.descriptions';
import { sendOptionsCollection } from './schedule.description';

const properties: INodeProperties[] = [
	recipientField,
	{
		displayName: 'Latitude',
		name: 'latitude',
		type: 'number',
		default: 0,
		required: true,
		typeOptions: { minValue: -90, maxValue: 90, numberPrecision: 7 },
		placeholder: 'e.g. -8.6705',
		description: 'Latitude in decimal degrees, from -90 to 90',
	},
	{
		displayName: 'Longitude',
		name: 'longitude',
		type: 'number',
		default: 0,
		required: true,
		typeOptions: { minValue: -180, maxValue: 180, numberPrecision: 7 },
		placeholder: 'e.g. 115.2126',
		description: 'Longitude in decimal degrees, from -180 to 180',
	},
	sendOptionsCollection([durationOption, forwardedOption]),
];

const displayOptions = { show: { resource: ['send'], operation: ['location'] } };

export const description = updateDisplayOptions(displayOptions, properties);

function coordinate(context: IExecuteFunctions, itemIndex: number, name: string, label: string, limit: number): string {
	const raw = context.getNodeParameter(name, itemIndex, '') as unknown;
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	const value = Number(text);
	if (text === '' || !Number.isFinite(value) || Math.abs(value) > limit) {
		throw new NodeOperationError(context.getNode(), `${label} must be a number from -${limit} to ${limit}, not "${text}"`, {
			itemIndex,
			description: 'Use decimal degrees, e.g. -8.6705 and 115.2126 for Denpasar.',
		});
	}
	// GOWA binds both as strings (a JSON number is a 500 bind error).
	return String(value);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const recipient = await getRecipient.call(this, itemIndex);
	const latitude = coordinate(this, itemIndex, 'latitude', 'Latitude', 90);
	const longitude = coordinate(this, itemIndex, 'longitude', 'Longitude', 180);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		phone: recipient.jid,
		latitude,
		longitude,
		...commonSendFields(this, itemIndex, options, { reply: false, forwarded: true }),
	};
	return await postSend.call(this, itemIndex, '/send/location', body, recipient.jid);
}
