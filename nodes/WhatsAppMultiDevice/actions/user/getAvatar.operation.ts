import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaFailureOf } from '../../../shared/errors';
import { publicDownload } from '../../../shared/transport';
import { binaryOutput, outputBinaryProperty } from '../../helpers/binary';
import { asNodeError } from '../../helpers/nodeError';
import { getRecipient } from '../../helpers/recipient';
import { userGet } from '../../helpers/user';
import { outputBinaryField } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Phone Number or Group',
		name: 'phone',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +62 812-3456-7890',
		description: 'Whose picture: a phone number (same formats as elsewhere), a user JID, or a group or community JID (…@g.us)',
	},
	{
		displayName: 'Download Image',
		name: 'download',
		type: 'boolean',
		default: false,
		description: 'Whether to download the picture and output it as binary data, not only its link (WhatsApp links expire)',
	},
	{ ...outputBinaryField, displayOptions: { show: { download: [true] } } },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Community',
				name: 'isCommunity',
				type: 'boolean',
				default: false,
				description: 'Whether the group JID is a community (ignored for users)',
			},
			{
				displayName: 'Preview',
				name: 'isPreview',
				type: 'boolean',
				default: false,
				description: 'Whether to get the small preview (thumbnail) instead of the full picture',
			},
		],
	},
];

const displayOptions = { show: { resource: ['user'], operation: ['getAvatar'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GOWA's answers for "this chat has no (visible) picture": not an error for a workflow. */
const NO_PICTURE = /no avatar found|profile picture|not-authorized|item-not-found/i;

/** GET /user/avatar: `{jid, hasAvatar, url, id, type}`; with Download Image the picture as binary too. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const recipient = await getRecipient.call(this, itemIndex, 'phone', 'Phone Number or Group');
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const download = this.getNodeParameter('download', itemIndex, false) === true;
	const property = download ? outputBinaryProperty(this, itemIndex) : '';
	const qs: IDataObject = { phone: recipient.jid };
	if (options.isPreview !== undefined) qs.is_preview = options.isPreview === true;
	if (options.isCommunity !== undefined) qs.is_community = options.isCommunity === true;

	let results: IDataObject;
	try {
		results = (await userGet.call(this, itemIndex, '/user/avatar', qs)) as IDataObject;
	} catch (error) {
		const failure = gowaFailureOf(error)?.failure;
		if (failure?.httpCode === 500 && NO_PICTURE.test(failure.serverMessage ?? '')) {
			return [{ json: { jid: recipient.jid, hasAvatar: false, url: null, id: null, type: null, reason: failure.serverMessage ?? null } }];
		}
		throw asNodeError(this, error, itemIndex);
	}
	const url = typeof results.url === 'string' ? results.url : '';
	const json: IDataObject = { jid: recipient.jid, hasAvatar: url !== '', ...results };
	if (!download || url === '') return [{ json }];
	const file = await publicDownload.call(this, url, itemIndex);
	const fileName = `avatar-${recipient.jid.split('@')[0]}${options.isPreview === true ? '-preview' : ''}.jpg`;
	return [await binaryOutput.call(this, json, { ...file, fileName }, property, fileName)];
}
