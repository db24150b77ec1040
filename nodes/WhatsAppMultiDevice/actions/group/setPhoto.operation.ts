import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { groupRequest } from '../../helpers/group';
import { readUpload, toFormData } from '../../helpers/media';
import { getGroupId } from '../../helpers/recipient';
import { groupIdField } from '../common.descriptions';

const properties: INodeProperties[] = [
	groupIdField,
	{
		displayName: 'Remove Photo',
		name: 'removePhoto',
		type: 'boolean',
		default: false,
		description: 'Whether to remove the group’s current photo instead of uploading a new one',
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show: { removePhoto: [false] } },
		hint: 'The name of the input binary field containing the JPEG, PNG or WebP image (up to 10 MB)',
	},
];

const displayOptions = { show: { resource: ['group'], operation: ['setPhoto'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Multipart `{group_id, photo}`; without the photo part GOWA removes the current photo. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const groupId = getGroupId.call(this, itemIndex);
	const remove = this.getNodeParameter('removePhoto', itemIndex, false) === true;
	const upload = remove
		? undefined
		: await readUpload.call(this, itemIndex, this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string, 'photo');
	const results = await groupRequest.call(this, itemIndex, 'POST', '/group/photo', { body: toFormData({ group_id: groupId }, upload) });
	const answer = Array.isArray(results) ? {} : results;
	return [
		{
			json: {
				success: true,
				groupId,
				removed: remove,
				pictureId: answer.picture_id ?? null,
				serverStatus: answer.message ?? null,
			},
		},
	];
}
