import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { Checker } from '../../helpers/checks';
import { cloudRequest } from '../../transport';

const properties: INodeProperties[] = [
	{ displayName: 'Template ID', name: 'templateId', type: 'string', default: '', required: true, placeholder: 'e.g. 594425479261596', description: 'ID from Template → Get Many or Create' },
];

const displayOptions = { show: { resource: ['template'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = new Checker(this, itemIndex).graphId(this.getNodeParameter('templateId', itemIndex, ''), 'Template ID');
	return [{ json: await cloudRequest.call(this, { method: 'GET', path: [id], itemIndex }) }];
}
