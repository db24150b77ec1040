import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** What every `<op>.operation.ts` exports. `execute` handles one item and returns its output items (without pairedItem). */
export interface CloudOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
}

export type CloudOperationMap = Record<string, CloudOperation>;
