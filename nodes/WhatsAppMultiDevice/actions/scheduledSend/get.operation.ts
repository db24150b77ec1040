import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getScheduleId, schedulePath, scheduleRequest } from '../../helpers/scheduledSend';
import { scheduleIdField } from './scheduledSend.descriptions';

const properties: INodeProperties[] = [scheduleIdField];

const displayOptions = { show: { resource: ['scheduledSend'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const scheduleId = getScheduleId(this, itemIndex);
	const schedule = await scheduleRequest.call(this, itemIndex, 'GET', schedulePath(scheduleId));
	delete schedule.serverMessage;
	return [{ json: schedule }];
}
