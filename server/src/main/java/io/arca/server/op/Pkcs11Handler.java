package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.PKCS_11Function;
import io.arca.kmip.ResultReason;
import io.arca.kmip.payload.Pkcs11;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import java.nio.ByteBuffer;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The PKCS#11 operation (KMIP 2.0 on), for the HSM administrator ({@code --hsm-admin}) alone and
 * limited to an allow-list: the functions that read what the library, its configured slots, their
 * tokens and mechanisms are, and C_Initialize, which answers OK without touching the library the
 * server already initialised. Every function that changes the library, a token, a PIN, a login, a
 * session or an object (C_Finalize, C_InitToken, C_InitPIN, C_SetPIN, C_Login, ...) is refused with
 * Permission Denied before the library is called; the refusal is audited like every answer.
 */
public final class Pkcs11Handler implements OperationHandler<Pkcs11.Request, Pkcs11.Response> {
  /** The default interface's name in PKCS#11 3.0 (C_GetInterface), the one KMIP assumes. */
  static final String DEFAULT_INTERFACE = "PKCS 11";

  /** What a client may ask; anything else is refused before the library is called. */
  static final Set<PKCS_11Function> ALLOWED =
      Set.of(
          PKCS_11Function.C_INITIALIZE,
          PKCS_11Function.C_GETINFO,
          PKCS_11Function.C_GETSLOTLIST,
          PKCS_11Function.C_GETSLOTINFO,
          PKCS_11Function.C_GETTOKENINFO,
          PKCS_11Function.C_GETMECHANISMLIST,
          PKCS_11Function.C_GETMECHANISMINFO);

  private final Pkcs11Functions library;

  /** A handler calling {@code library}. */
  public Pkcs11Handler(Pkcs11Functions library) {
    this.library = library;
  }

  @Override
  public Operation operation() {
    return Operation.PKCS_11;
  }

  @Override
  public Pkcs11.Response handle(Pkcs11.Request request, RequestContext context) {
    if (!context.access().isHsmAdmin(context.user())) {
      throw new KmipException(
          ResultReason.PERMISSION_DENIED,
          "PKCS_11 is for the HSM administrator (--hsm-admin) alone");
    }
    String requestedInterface = request.interfaceName();
    if (requestedInterface != null && !requestedInterface.equals(DEFAULT_INTERFACE)) {
      throw new KmipException(
          ResultReason.PKCS_11_INVALID_INTERFACE,
          "only the default interface (\"" + DEFAULT_INTERFACE + "\") is served");
    }
    PKCS_11Function function = allowed(request.function());
    Parameters input = new Parameters(request.inputParameters(), function);
    Pkcs11Functions.Outcome outcome =
        switch (function) {
          case C_INITIALIZE -> initialize();
          case C_GETINFO -> input.none(library::info);
          case C_GETSLOTLIST -> input.flag(tokenPresent -> library.slotList());
          case C_GETSLOTINFO -> input.slot(library::slotInfo);
          case C_GETTOKENINFO -> input.slot(library::tokenInfo);
          case C_GETMECHANISMLIST -> input.slot(library::mechanismList);
          case C_GETMECHANISMINFO -> input.slotAndMechanism(library::mechanismInfo);
          default -> throw new IllegalStateException(function + " is allowed but not served");
        };
    return new Pkcs11.Response(
        request.interfaceName(),
        request.function(),
        null,
        outcome.output().length() == 0 ? null : outcome.output(),
        (int) outcome.returnCode());
  }

  private static PKCS_11Function allowed(Pkcs11.Function requested) {
    PKCS_11Function function =
        requested.vendorDefined() ? null : PKCS_11Function.byValue(requested.value());
    if (function == null) {
      throw new KmipException(
          ResultReason.PKCS_11_INVALID_FUNCTION,
          (requested.vendorDefined() ? "vendor-defined " : "unknown ")
              + "PKCS#11 function 0x"
              + Integer.toHexString(requested.value()));
    }
    if (!ALLOWED.contains(function)) {
      throw new KmipException(
          ResultReason.PERMISSION_DENIED,
          function.xmlName()
              + " is not on the PKCS_11 operation's allow-list (information functions only)");
    }
    return function;
  }

  /**
   * The library belongs to the server, which initialised it at start and finalises it at stop; a
   * client's C_Initialize is answered as done.
   */
  private static Pkcs11Functions.Outcome initialize() {
    return new Pkcs11Functions.Outcome(0, ByteString.empty());
  }

  /** The input parameters of one function, read in the profile's layout. */
  private record Parameters(@Nullable ByteString bytes, PKCS_11Function function) {
    interface SlotCall {
      Pkcs11Functions.Outcome call(long slot);
    }

    interface SlotMechanismCall {
      Pkcs11Functions.Outcome call(long slot, long mechanism);
    }

    interface FlagCall {
      Pkcs11Functions.Outcome call(boolean flag);
    }

    interface NoCall {
      Pkcs11Functions.Outcome call();
    }

    Pkcs11Functions.Outcome none(NoCall call) {
      read(0);
      return call.call();
    }

    Pkcs11Functions.Outcome flag(FlagCall call) {
      ByteBuffer in = read(1);
      byte flag = in.get();
      if (flag != 0 && flag != 1) {
        throw codecError("a CK_BBOOL is 0 or 1");
      }
      return call.call(flag == 1);
    }

    Pkcs11Functions.Outcome slot(SlotCall call) {
      return call.call(read(Long.BYTES).getLong());
    }

    Pkcs11Functions.Outcome slotAndMechanism(SlotMechanismCall call) {
      ByteBuffer in = read(2 * Long.BYTES);
      return call.call(in.getLong(), in.getLong());
    }

    private ByteBuffer read(int length) {
      int given = bytes == null ? 0 : bytes.length();
      if (given != length) {
        throw codecError("expected " + length + " bytes of input parameters, got " + given);
      }
      return ByteBuffer.wrap(bytes == null ? new byte[0] : bytes.toByteArray());
    }

    private KmipException codecError(String detail) {
      return new KmipException(
          ResultReason.PKCS_11_CODEC_ERROR, function.xmlName() + ": " + detail);
    }
  }
}
