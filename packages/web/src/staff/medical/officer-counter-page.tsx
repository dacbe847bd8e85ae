import { useParams } from 'react-router';
import { CounterPage } from './counter-page.tsx';

/** /staff/medical/institutions/:institutionId/settle: an officer takes a claim by hand for an institution. */
export function OfficerCounterPage() {
  const institutionId = Number(useParams().institutionId);
  return <CounterPage institutionId={institutionId} back={`/staff/medical/institutions/${institutionId}`} />;
}
