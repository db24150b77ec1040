import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { changeSchedule } from '../../helpers/scheduledSend';
import { scheduleIdField } from './scheduledSend.descriptions';

const properties: INodeProperties[] = [scheduleIdField];

const displayOptions = { show: { resource: ['scheduledSend'], operation: ['cancel'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return [{ json: await changeSchedule.call(this, itemIndex, 'cancel') }];
}
