import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { blockFields, changeBlock } from './users';

export const description = updateDisplayOptions({ show: { resource: ['block'], operation: ['block'] } }, blockFields);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return await changeBlock.call(this, itemIndex, 'POST');
}
