import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../operation.types';
import * as check from './check.operation';
import * as getAvatar from './getAvatar.operation';
import * as getBusinessProfile from './getBusinessProfile.operation';
import * as getContacts from './getContacts.operation';
import * as getGroups from './getGroups.operation';
import * as getInfo from './getInfo.operation';
import * as getNewsletters from './getNewsletters.operation';
import * as getPrivacy from './getPrivacy.operation';
import * as setAvatar from './setAvatar.operation';
import * as setPushName from './setPushName.operation';

export const operations: OperationMap = {
	getInfo,
	check,
	getAvatar,
	setAvatar,
	setPushName,
	getPrivacy,
	getGroups,
	getNewsletters,
	getContacts,
	getBusinessProfile,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		default: 'getInfo',
		options: [
			{
				name: 'Check On WhatsApp',
				value: 'check',
				action: 'Check if a phone number is registered',
				description: 'Whether a phone number has a WhatsApp account, e.g. to clean a contact list before sending',
			},
			{
				name: 'Get Avatar',
				value: 'getAvatar',
				action: 'Get the profile picture of a user or group',
				description: 'Get the profile picture link of a user or group, optionally downloaded as binary',
			},
			{
				name: 'Get Business Profile',
				value: 'getBusinessProfile',
				action: 'Get the business profile of a user',
				description: 'Get email, address, categories and opening hours of a WhatsApp Business account',
			},
			{
				name: 'Get Info',
				value: 'getInfo',
				action: 'Get the info of a user',
				description: 'Get the name, about status, picture ID and devices of a WhatsApp user',
			},
			{
				name: 'Get My Contacts',
				value: 'getContacts',
				action: 'Get the contacts of the account',
				description: 'List the contacts of this WhatsApp account (JID and name)',
			},
			{
				name: 'Get My Groups',
				value: 'getGroups',
				action: 'Get the groups of the account',
				description: 'List the groups this account is a member of (up to 500)',
			},
			{
				name: 'Get My Newsletters',
				value: 'getNewsletters',
				action: 'Get the channels the account follows',
				description: 'List the channels (newsletters) this account follows',
			},
			{
				name: 'Get My Privacy Settings',
				value: 'getPrivacy',
				action: 'Get the privacy settings of the account',
				description: 'Who may see last seen, profile picture and status, add the account to groups, and whether read receipts are on',
			},
			{
				name: 'Set My Avatar',
				value: 'setAvatar',
				action: 'Set the profile picture of the account',
				description: 'Change this account’s profile picture from a JPEG or PNG binary',
			},
			{
				name: 'Set My Display Name',
				value: 'setPushName',
				action: 'Set the display name of the account',
				description: 'Change the name other WhatsApp users see for this account (push name)',
			},
		],
	},
	...getInfo.description,
	...check.description,
	...getAvatar.description,
	...setAvatar.description,
	...setPushName.description,
	...getPrivacy.description,
	...getGroups.description,
	...getNewsletters.description,
	...getContacts.description,
	...getBusinessProfile.description,
];
