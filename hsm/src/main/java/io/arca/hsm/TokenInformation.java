package io.arca.hsm;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_GENERAL_ERROR;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_MECHANISM_INVALID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_OK;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_SLOT_ID_INVALID;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import org.jspecify.annotations.Nullable;
import org.xipki.pkcs11.wrapper.MechanismInfo;
import org.xipki.pkcs11.wrapper.ModuleInfo;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11Module;
import org.xipki.pkcs11.wrapper.Slot;
import org.xipki.pkcs11.wrapper.SlotInfo;
import org.xipki.pkcs11.wrapper.TokenException;
import org.xipki.pkcs11.wrapper.TokenInfo;
import org.xipki.pkcs11.wrapper.Version;

/**
 * The read-only PKCS#11 information functions (C_GetInfo, C_GetSlotList, C_GetSlotInfo,
 * C_GetTokenInfo, C_GetMechanismList, C_GetMechanismInfo), limited to the slots Arca opened, with
 * their inputs and outputs in the byte layout of the KMIP PKCS#11 profile: a CK_ULONG is 8 bytes
 * big-endian, a count before a variable-length array 4 bytes, strings space-padded to their fixed
 * length, structures in line. Nothing here changes the library's or a token's state, and nothing
 * here reads an object: these functions need neither a session nor a login.
 */
public final class TokenInformation {
  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'00'").withZone(ZoneOffset.UTC);

  /** A function's PKCS#11 return value and, when it is CKR_OK, its output parameters. */
  public static final class Result {
    private final long returnCode;
    private final byte[] output;

    private Result(long returnCode, byte[] output) {
      this.returnCode = returnCode;
      this.output = output;
    }

    static Result ok(byte[] output) {
      return new Result(CKR_OK, output);
    }

    static Result failed(long returnCode) {
      return new Result(returnCode, new byte[0]);
    }

    /** The CK_RV. */
    public long returnCode() {
      return returnCode;
    }

    /** The output parameters in the profile's layout (a copy); empty unless CKR_OK. */
    public byte[] output() {
      return output.clone();
    }

    @Override
    public String toString() {
      return "Result[returnCode=0x" + Long.toHexString(returnCode) + ", " + output.length + " B]";
    }
  }

  private final PKCS11Module module;
  private final Set<Long> slots;
  private final Lock calls;

  TokenInformation(PKCS11Module module, Set<Long> slots, Lock calls) {
    this.module = module;
    this.slots = Set.copyOf(slots);
    this.calls = calls;
  }

  /** C_GetInfo: the CK_INFO of the library. */
  public Result info() {
    return call(
        () -> {
          ModuleInfo info = module.getInfo();
          return Result.ok(
              new Layout()
                  .version(info.getCryptokiVersion())
                  .padded(info.getManufacturerID(), 32)
                  .ulong(0) // CK_INFO's flags: none are defined
                  .padded(info.getLibraryDescription(), 32)
                  .version(info.getLibraryVersion())
                  .bytes());
        });
  }

  /**
   * C_GetSlotList: the slots Arca opened (never the library's others), each with a token while it
   * is open; a count, then the ids.
   */
  public Result slotList() {
    Layout out = new Layout().count(slots.size());
    slots.stream().sorted().forEach(out::ulong);
    return Result.ok(out.bytes());
  }

  /** C_GetSlotInfo: the CK_SLOT_INFO of an open slot. */
  public Result slotInfo(long slotId) {
    return onSlot(
        slotId,
        slot -> {
          SlotInfo info = slot.getSlotInfo();
          long flags =
              (info.isTokenPresent() ? 1 : 0)
                  | (info.isRemovableDevice() ? 2 : 0)
                  | (info.isHwSlot() ? 4 : 0);
          return Result.ok(
              new Layout()
                  .padded(info.getSlotDescription(), 64)
                  .padded(info.getManufacturerID(), 32)
                  .ulong(flags)
                  .version(info.getHardwareVersion())
                  .version(info.getFirmwareVersion())
                  .bytes());
        });
  }

  /** C_GetTokenInfo: the CK_TOKEN_INFO of an open slot's token. */
  public Result tokenInfo(long slotId) {
    return onSlot(
        slotId,
        slot -> {
          TokenInfo info = slot.getToken().getTokenInfo();
          return Result.ok(
              new Layout()
                  .padded(info.getLabel(), 32)
                  .padded(info.getManufacturerID(), 32)
                  .padded(info.getModel(), 16)
                  .padded(info.getSerialNumber(), 16)
                  .ulong(info.getFlags())
                  .ulong(info.getMaxSessionCount())
                  .ulong(info.getSessionCount())
                  .ulong(info.getMaxRwSessionCount())
                  .ulong(info.getRwSessionCount())
                  .ulong(info.getMaxPinLen())
                  .ulong(info.getMinPinLen())
                  .ulong(info.getTotalPublicMemory())
                  .ulong(info.getFreePublicMemory())
                  .ulong(info.getTotalPrivateMemory())
                  .ulong(info.getFreePrivateMemory())
                  .version(info.getHardwareVersion())
                  .version(info.getFirmwareVersion())
                  .padded(info.getTime() == null ? "" : UTC_TIME.format(info.getTime()), 16)
                  .bytes());
        });
  }

  /** C_GetMechanismList: the mechanism types of an open slot's token; a count, then the types. */
  public Result mechanismList(long slotId) {
    return onSlot(
        slotId,
        slot -> {
          long[] mechanisms = slot.getToken().getMechanismList();
          Layout out = new Layout().count(mechanisms.length);
          Arrays.stream(mechanisms).forEach(out::ulong);
          return Result.ok(out.bytes());
        });
  }

  /** C_GetMechanismInfo: the CK_MECHANISM_INFO of one mechanism of an open slot's token. */
  public Result mechanismInfo(long slotId, long mechanism) {
    return onSlot(
        slotId,
        slot -> {
          MechanismInfo info = slot.getToken().getMechanismInfo(mechanism);
          if (info == null) {
            return Result.failed(CKR_MECHANISM_INVALID);
          }
          return Result.ok(
              new Layout()
                  .ulong(info.getMinKeySize())
                  .ulong(info.getMaxKeySize())
                  .ulong(info.getFlags())
                  .bytes());
        });
  }

  private interface Call<T> {
    T run() throws TokenException;
  }

  private interface SlotCall {
    Result run(Slot slot) throws TokenException;
  }

  private Result onSlot(long slotId, SlotCall call) {
    if (!slots.contains(slotId)) {
      // A slot Arca did not open is, for a KMIP client, no slot at all.
      return Result.failed(CKR_SLOT_ID_INVALID);
    }
    return call(
        () -> {
          Slot slot = listed(slotId);
          return slot == null ? Result.failed(CKR_SLOT_ID_INVALID) : call.run(slot);
        });
  }

  private @Nullable Slot listed(long slotId) throws TokenException {
    for (Slot slot : module.getSlotList(false)) {
      if (slot.getSlotID() == slotId) {
        return slot;
      }
    }
    return null;
  }

  // Shared with every other call on the library, so none runs while it is initialised again.
  private Result call(Call<Result> call) {
    calls.lock();
    try {
      return call.run();
    } catch (PKCS11Exception e) {
      return Result.failed(e.getErrorCode());
    } catch (TokenException | RuntimeException e) {
      return Result.failed(CKR_GENERAL_ERROR);
    } finally {
      calls.unlock();
    }
  }

  /** The profile's layout, written in order. */
  private static final class Layout {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Layout ulong(long value) {
      out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
      return this;
    }

    Layout count(int value) {
      out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value).array());
      return this;
    }

    Layout version(Version version) {
      out.write(version.getMajor());
      out.write(version.getMinor());
      return this;
    }

    Layout padded(@Nullable String text, int length) {
      byte[] field = new byte[length];
      Arrays.fill(field, (byte) ' ');
      byte[] value = (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
      System.arraycopy(value, 0, field, 0, Math.min(length, value.length));
      out.writeBytes(field);
      return this;
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }
}
