import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../operation.types';
import * as addParticipants from './addParticipants.operation';
import * as approveJoinRequests from './approveJoinRequests.operation';
import * as create from './create.operation';
import * as demoteParticipants from './demoteParticipants.operation';
import * as exportParticipants from './exportParticipants.operation';
import * as get from './get.operation';
import * as getInfoFromLink from './getInfoFromLink.operation';
import * as getInviteLink from './getInviteLink.operation';
import * as getJoinRequests from './getJoinRequests.operation';
import * as getParticipants from './getParticipants.operation';
import * as join from './join.operation';
import * as leave from './leave.operation';
import * as promoteParticipants from './promoteParticipants.operation';
import * as rejectJoinRequests from './rejectJoinRequests.operation';
import * as removeParticipants from './removeParticipants.operation';
import * as setAnnounce from './setAnnounce.operation';
import * as setLocked from './setLocked.operation';
import * as setName from './setName.operation';
import * as setPhoto from './setPhoto.operation';
import * as setTopic from './setTopic.operation';

export const operations: OperationMap = {
	create,
	get,
	getInfoFromLink,
	join,
	leave,
	getParticipants,
	exportParticipants,
	addParticipants,
	removeParticipants,
	promoteParticipants,
	demoteParticipants,
	getJoinRequests,
	approveJoinRequests,
	rejectJoinRequests,
	setPhoto,
	setName,
	setLocked,
	setAnnounce,
	setTopic,
	getInviteLink,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		default: 'get',
		options: [
			{ name: 'Add Participants', value: 'addParticipants', action: 'Add participants to a group', description: 'Add people to a group by phone number; one item per person with the outcome' },
			{ name: 'Approve Join Requests', value: 'approveJoinRequests', action: 'Approve requests to join a group', description: 'Let people who asked to join a group in' },
			{ name: 'Create', value: 'create', action: 'Create a group', description: 'Create a new group with a name and its first members' },
			{ name: 'Demote Participants', value: 'demoteParticipants', action: 'Demote group admins to members', description: 'Take admin rights away from group admins' },
			{ name: 'Export Participants', value: 'exportParticipants', action: 'Export group participants as CSV', description: 'Download the member list of a group as a CSV file (binary)' },
			{ name: 'Get', value: 'get', action: 'Get a group', description: 'Get the details of a group this account is in: name, description, settings and members' },
			{ name: 'Get Info From Link', value: 'getInfoFromLink', action: 'Get group info from an invite link', description: 'Preview a group from its invite link without joining it' },
			{ name: 'Get Invite Link', value: 'getInviteLink', action: 'Get the invite link of a group', description: 'Get the group’s invite link, or reset it to a new one' },
			{ name: 'Get Join Requests', value: 'getJoinRequests', action: 'Get pending requests to join a group', description: 'List the people waiting for approval to join a group' },
			{ name: 'Get Participants', value: 'getParticipants', action: 'Get the participants of a group', description: 'List the members of a group with their phone numbers and admin roles' },
			{ name: 'Join', value: 'join', action: 'Join a group with an invite link', description: 'Join a group using its invite link' },
			{ name: 'Leave', value: 'leave', action: 'Leave a group', description: 'Leave a group with this account. Destructive: rejoining needs a new invite.' },
			{ name: 'Promote Participants', value: 'promoteParticipants', action: 'Promote group participants to admins', description: 'Make group members admins' },
			{ name: 'Reject Join Requests', value: 'rejectJoinRequests', action: 'Reject requests to join a group', description: 'Turn down people who asked to join a group' },
			{ name: 'Remove Participants', value: 'removeParticipants', action: 'Remove participants from a group', description: 'Remove people from a group. Destructive: they need a new invite to come back.' },
			{ name: 'Set Announcement Mode', value: 'setAnnounce', action: 'Set who can send messages in a group', description: 'Allow only admins, or every member, to send messages' },
			{ name: 'Set Description', value: 'setTopic', action: 'Set the description of a group', description: 'Change or remove the description (topic) of a group' },
			{ name: 'Set Locked', value: 'setLocked', action: 'Set who can edit the info of a group', description: 'Allow only admins, or every member, to change the group’s name, photo and description' },
			{ name: 'Set Name', value: 'setName', action: 'Rename a group', description: 'Change the name (subject) of a group, 1 to 25 characters' },
			{ name: 'Set Photo', value: 'setPhoto', action: 'Set or remove the photo of a group', description: 'Upload a JPEG, PNG or WebP image as the group photo, or remove the current photo' },
		],
	},
	...create.description,
	...get.description,
	...getInfoFromLink.description,
	...join.description,
	...leave.description,
	...getParticipants.description,
	...exportParticipants.description,
	...addParticipants.description,
	...removeParticipants.description,
	...promoteParticipants.description,
	...demoteParticipants.description,
	...getJoinRequests.description,
	...approveJoinRequests.description,
	...rejectJoinRequests.description,
	...setPhoto.description,
	...setName.description,
	...setLocked.description,
	...setAnnounce.description,
	...setTopic.description,
	...getInviteLink.description,
];
