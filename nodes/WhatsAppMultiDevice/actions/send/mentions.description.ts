import type { INodeProperties } from 'n8n-workflow';

/** The Mentions option of Send Text and (GOWA v9.5+) of the image, file and video captions. */
export function mentionsOption(where: 'text' | 'caption'): INodeProperties {
	return {
		displayName: 'Mentions',
		name: 'mentions',
		type: 'string',
		typeOptions: { multipleValues: true },
		default: [],
		placeholder: 'e.g. 6281234567890',
		description:
			where === 'text'
				? 'Phone numbers to mention without writing them in the text; @everyone mentions all group members'
				: 'Phone numbers to mention in the caption (GOWA v9.5+; @6281234567890 in the caption is mentioned too); @everyone mentions all group members',
	};
}
