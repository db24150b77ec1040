import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../operation.types';

export const operations: OperationMap = {};

export const description: INodeProperties[] = [];
