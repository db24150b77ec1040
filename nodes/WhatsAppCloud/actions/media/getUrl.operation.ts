import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { mediaInfo } from '../../helpers/mediaInfo';
import { mediaIdField, phoneNumberIdField } from '../common.descriptions';

const properties: INodeProperties[] = [mediaIdField, { ...phoneNumberIdField, description: 'Only find media of this business phone number; empty = any of the WhatsApp account' }];

const displayOptions = { show: { resource: ['media'], operation: ['getUrl'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return [{ json: await mediaInfo.call(this, itemIndex) }];
}
