import { AppError, ErrorCode } from '../../errors/index.ts';
import { insertDocument, insertEvent, selectDocument } from './applications.repository.ts';
import type { ApplicationView } from './applications.schemas.ts';
import type { Actor, BenefitsDeps } from './benefits-deps.ts';
import { checkDocument } from './check-document.ts';
import { getApplication, requireApplication } from './read-application.ts';
import { chinaDateOf } from '@shebao/domain';

export interface NewDocument {
  /** What the document is: 'identity', 'retirement-choice', 'deemed-service', 'evidence' ... */
  kind: string;
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

/**
 * Attaches a file to an open application (docs/RULES.md 14.3): its type checked by its first bytes, its
 * size bounded, the bytes kept outside the database under their SHA-256, the row and the event in one
 * transaction. The file is written first: a failed transaction leaves at most an unreferenced file, never a
 * row without its bytes.
 */
export async function addDocument(
  deps: BenefitsDeps,
  applicationId: number,
  document: NewDocument,
  actor: Actor,
): Promise<ApplicationView> {
  const application = await requireApplication(deps, applicationId);
  if (application.state === 'decided' || application.state === 'withdrawn')
    throw new AppError(
      ErrorCode.CONFLICT,
      `application ${application.application_no} is ${application.state}`,
      {
        field: 'applicationId',
        detailCode: 'application-state',
      },
    );
  const kind = document.kind.trim();
  if (!/^[a-z][a-z-]{1,40}$/.test(kind))
    throw new AppError(ErrorCode.VALIDATION, 'kind: must be a short name like identity or deemed-service', {
      field: 'kind',
    });
  const fileName = document.fileName.trim();
  const controlCharacter = [...fileName].some((char) => char.charCodeAt(0) < 0x20);
  if (fileName.length === 0 || fileName.length > 200 || /[/\\]/.test(fileName) || controlCharacter)
    throw new AppError(
      ErrorCode.VALIDATION,
      'fileName: must be a plain file name of at most 200 characters',
      {
        field: 'fileName',
      },
    );
  const mediaType = checkDocument(document.bytes, document.mediaType);
  const sha256 = await deps.documents.put(document.bytes);
  const recordedAt = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await insertDocument(trx, {
      application_id: applicationId,
      kind,
      file_name: fileName,
      media_type: mediaType,
      size_bytes: document.bytes.length,
      sha256,
      uploaded_by_login: actor.login,
      recorded_at: recordedAt,
    });
    await insertEvent(trx, {
      application_id: applicationId,
      kind: 'document-added',
      on_date: chinaDateOf(deps.clock.now()),
      by_login: actor.login,
      note: `${kind}: ${fileName}`,
      recorded_at: recordedAt,
    });
  });
  return getApplication(deps, applicationId);
}

/** A document's bytes, checked against the hash the row keeps. */
export async function readDocument(
  deps: BenefitsDeps,
  applicationId: number,
  documentId: number,
): Promise<{ bytes: Buffer; mediaType: string; fileName: string }> {
  const row = await selectDocument(deps.db, applicationId, documentId);
  if (!row)
    throw new AppError(
      ErrorCode.NOT_FOUND,
      `document ${documentId} of application ${applicationId} does not exist`,
      {
        field: 'documentId',
      },
    );
  return { bytes: await deps.documents.get(row.sha256), mediaType: row.media_type, fileName: row.file_name };
}
