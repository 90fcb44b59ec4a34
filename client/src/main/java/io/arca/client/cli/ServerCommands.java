package io.arca.client.cli;

import io.arca.client.KmipClient;
import io.arca.client.KmipOperationException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.QueryFunction;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.payload.DiscoverVersions;
import io.arca.kmip.payload.Query;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The commands that ask a server about itself: discover-versions, query and server-version. */
final class ServerCommands {
  private ServerCommands() {}

  /** Sends one operation and returns its response payload, or throws the server's KMIP error. */
  static TtlvStructure invoke(
      ConnectionOptions connection, ProtocolVersion version, Operation operation, Ttlv... payload)
      throws IOException {
    RequestMessage request =
        new RequestMessage(
            RequestHeader.of(version),
            List.of(
                RequestBatchItem.of(
                    operation.value(), TtlvStructure.of(Tag.REQUEST_PAYLOAD.code(), payload))));
    try (KmipClient client = KmipClient.create(connection.config(System.getenv()), 1)) {
      ResponseBatchItem item = client.send(request).batchItems().get(0);
      TtlvStructure response = item.responsePayload();
      if (item.resultStatus() != ResultStatus.SUCCESS || response == null) {
        throw new KmipOperationException(
            operation.xmlName(), item.resultReason(), item.resultMessage());
      }
      return response;
    }
  }

  static ProtocolVersion parse(String version) {
    String[] parts = version.split("\\.", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("--kmip-version: " + version + " (expected: e.g. 2.1)");
    }
    return new ProtocolVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
  }

  /** {@code arca discover-versions}. */
  @Command(
      name = "discover-versions",
      mixinStandardHelpOptions = true,
      description = "List the KMIP versions the server speaks, most preferred first.")
  static final class DiscoverVersionsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--kmip-version", defaultValue = "2.1", description = "Version to ask in.")
    String version = "2.1";

    @Override
    public Integer call() throws IOException {
      DiscoverVersions.Response response =
          DiscoverVersions.Response.decode(
              invoke(ArcaCli.globalOptions(spec), parse(version), Operation.DISCOVER_VERSIONS));
      PrintWriter out = spec.commandLine().getOut();
      for (ProtocolVersion supported : response.versions()) {
        out.println(supported);
      }
      out.flush();
      return ArcaCli.EXIT_OK;
    }
  }

  /** {@code arca query}. */
  @Command(
      name = "query",
      mixinStandardHelpOptions = true,
      description = "Ask the server which operations and object types it supports.")
  static final class QueryCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--kmip-version", defaultValue = "2.1", description = "Version to ask in.")
    String version = "2.1";

    @Override
    public Integer call() throws IOException {
      List<Ttlv> functions = new ArrayList<>();
      for (QueryFunction function :
          List.of(
              QueryFunction.QUERY_OPERATIONS,
              QueryFunction.QUERY_OBJECTS,
              QueryFunction.QUERY_SERVER_INFORMATION)) {
        functions.add(new TtlvEnumeration(Tag.QUERY_FUNCTION.code(), function.value()));
      }
      Query.Response response =
          Query.Response.decode(
              invoke(
                  ArcaCli.globalOptions(spec),
                  parse(version),
                  Operation.QUERY,
                  functions.toArray(new Ttlv[0])));
      PrintWriter out = spec.commandLine().getOut();
      out.println("Vendor: " + response.vendorIdentification());
      for (int operation : response.operations()) {
        Operation known = Operation.byValue(operation);
        out.println(
            "Operation: "
                + (known == null ? "0x" + Integer.toHexString(operation) : known.xmlName()));
      }
      for (int type : response.objectTypes()) {
        ObjectType known = ObjectType.byValue(type);
        out.println(
            "Object type: " + (known == null ? "0x" + Integer.toHexString(type) : known.xmlName()));
      }
      out.flush();
      return ArcaCli.EXIT_OK;
    }
  }

  /** {@code arca server-version}. */
  @Command(
      name = "server-version",
      mixinStandardHelpOptions = true,
      description = "Print the server's vendor and version (Query Server Information).")
  static final class ServerVersionCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      Query.Response response =
          Query.Response.decode(
              invoke(
                  ArcaCli.globalOptions(spec),
                  ProtocolVersion.V2_1,
                  Operation.QUERY,
                  new TtlvEnumeration(
                      Tag.QUERY_FUNCTION.code(), QueryFunction.QUERY_SERVER_INFORMATION.value())));
      String version = "unknown";
      TtlvStructure information = response.serverInformation();
      if (information != null
          && information.first(Tag.SERVER_VERSION.code()) instanceof TtlvTextString text) {
        version = text.value();
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(response.vendorIdentification() + " " + version);
      out.flush();
      return ArcaCli.EXIT_OK;
    }
  }
}
