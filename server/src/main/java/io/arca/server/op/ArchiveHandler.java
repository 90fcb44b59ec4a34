package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.payload.Archive;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.server.access.AccessPolicy;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;

/**
 * Archive (KMIP 1.4 §4.22, 2.1 §6.1.4): the object goes off line, in its state and with its
 * attributes, marked by an Archive Date of the request's time; its key material stays wrapped in
 * the store and is not served until Recover. An object already archived is refused Object Archived,
 * as 1.4 Table 349 says. A key of the HSM stays in its token: it cannot be archived.
 */
public final class ArchiveHandler implements OperationHandler<Archive.Request, Archive.Response> {
  private final ObjectAccess objects;

  /** A handler archiving the objects of {@code objects}. */
  public ArchiveHandler(ObjectAccess objects) {
    this.objects = objects;
  }

  @Override
  public Operation operation() {
    return Operation.ARCHIVE;
  }

  @Override
  public Archive.Response handle(Archive.Request request, RequestContext context) {
    String uid = objects.resolve(request.uniqueIdentifier(), context).uid();
    if (AccessPolicy.isHsm(uid)) {
      throw new KmipException(
          ResultReason.PERMISSION_DENIED, uid + " lives in its HSM token and is not archived");
    }
    objects.change(
        uid,
        r -> {
          if (Archival.isArchived(r)) {
            throw Archival.archived(uid);
          }
          return r.withAttributes(
              ObjectAttributes.replace(
                  r.attributes(),
                  Attribute.of(TtlvDateTime.of(Tag.ARCHIVE_DATE.code(), context.now()))),
              context.now());
        },
        context);
    return new Archive.Response(uid);
  }
}
