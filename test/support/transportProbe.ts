/**
 * A tiny node that calls the GOWA transport with its parameters, once per item, inside n8n's real engine:
 * `request` (a GowaRequest as JSON) through gowaRequest, or gowaEnvelopeRequest with `envelope`, or — with
 * `download` set — gowaDownload of that location (the file comes back as `{ size, mimeType, fileName, text }`).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { GowaRequest } from '../../nodes/shared/transport';
import { gowaDownload, gowaEnvelopeRequest, gowaRequest } from '../../nodes/shared/transport';

export class TransportProbe implements INodeType {
	description = {
		displayName: 'Transport probe',
		name: 'transportProbe',
		group: ['output'],
		version: 1,
		description: 'Calls the GOWA transport',
		defaults: { name: 'Transport probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'whatsAppMultiDeviceApi', required: true }],
		properties: [
			{ displayName: 'Request', name: 'request', type: 'json', default: '{}' },
			{ displayName: 'Envelope', name: 'envelope', type: 'boolean', default: false },
			{ displayName: 'Download', name: 'download', type: 'string', default: '' },
		],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
			const download = this.getNodeParameter('download', itemIndex, '') as string;
			if (download !== '') {
				const file = await gowaDownload.call(this, download, itemIndex);
				output.push({ json: { size: file.body.length, mimeType: file.mimeType ?? null, fileName: file.fileName ?? null, text: file.body.toString('utf8') } });
				continue;
			}
			const raw = this.getNodeParameter('request', itemIndex) as string | IDataObject;
			const request = { ...(typeof raw === 'string' ? JSON.parse(raw) : raw), itemIndex } as GowaRequest;
			const json = this.getNodeParameter('envelope', itemIndex) ? await gowaEnvelopeRequest.call(this, request) : await gowaRequest.call(this, request);
			output.push(...(Array.isArray(json) ? json : [json]).map((entry) => ({ json: entry as IDataObject })));
		}
		return [output];
	}
}
