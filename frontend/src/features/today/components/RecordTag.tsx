import { StatusTag, Tag } from '../../../components';
import { visitStatuses } from '../labels';
import type { QueuedRecord } from '../queue';

const recordTags = {
  waiting: { text: 'Waiting to send', colour: 'yellow' },
  sent: { text: 'Sent', colour: 'green' },
  conflict: { text: 'Not sent: visit changed', colour: 'red' },
  rejected: { text: 'Not sent: needs changes', colour: 'orange' },
} as const;

/** Where the worker's record of a visit is: on the phone, sent, refused; or the visit's own status when there is none. */
export function RecordTag({ record, visitStatus }: { record: Pick<QueuedRecord, 'status'> | undefined; visitStatus: string }) {
  if (record) {
    const tag = recordTags[record.status];
    return <Tag colour={tag.colour}>{tag.text}</Tag>;
  }
  return <StatusTag status={visitStatus} colours={visitStatuses} />;
}
