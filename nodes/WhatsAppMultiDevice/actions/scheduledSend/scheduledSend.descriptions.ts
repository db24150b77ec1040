import type { INodeProperties } from 'n8n-workflow';

export const scheduleIdField: INodeProperties = {
	displayName: 'Schedule ID',
	name: 'scheduleId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 0b5c3a8e-7f5d-4d6f-9d1e-2f8c1a7b9e10',
	description: 'The scheduleId a send with Schedule At returned (GOWA v9.5+)',
};
