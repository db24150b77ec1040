import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { resolveMimeType } from './media';

export interface DownloadedFile {
	body: Buffer;
	mimeType?: string;
	fileName?: string;
}

/** Reads the name of the output binary field ("Put Output File in Field"). */
export function outputBinaryProperty(context: IExecuteFunctions, itemIndex: number, parameterName = 'binaryPropertyName'): string {
	const value = context.getNodeParameter(parameterName, itemIndex, 'data') as unknown;
	const name = typeof value === 'string' ? value.trim() : '';
	if (name === '') {
		throw new NodeOperationError(context.getNode(), 'Put Output File in Field is empty', {
			itemIndex,
			description: 'Enter the name of the binary field to put the file in, e.g. data.',
		});
	}
	return name;
}

/**
 * One output item holding `json` plus the file as n8n binary data under `propertyName`. The MIME type is the
 * server's, unless it only said application/octet-stream (then it is guessed from the file name).
 */
export async function binaryOutput(
	this: IExecuteFunctions,
	json: IDataObject,
	file: DownloadedFile,
	propertyName: string,
	fallbackFileName: string,
): Promise<INodeExecutionData> {
	const fileName = file.fileName && file.fileName.trim() !== '' ? file.fileName : fallbackFileName;
	const mimeType = resolveMimeType(file.mimeType, fileName);
	const binaryData = await this.helpers.prepareBinaryData(file.body, fileName, mimeType);
	return { json, binary: { [propertyName]: binaryData } };
}
