package org.nb201.generate;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** The JSON settings of plan and result files (compact, NaN allowed as the metric files need it). */
public final class Json {
  public static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping()
      .create();
  /** Reads JSON objects into plain maps with whole numbers as longs (not doubles), as provenance maps want. */
  private static final Gson PLAIN = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
      .create();
  private static final TypeToken<Map<String, Object>> MAP = new TypeToken<>() {};

  private Json() {}

  /** {@code json}, an object, as an ordered map of plain values. */
  public static Map<String, Object> map(JsonElement json) {
    return PLAIN.fromJson(json, MAP.getType());
  }

  /** The SHA-256 of {@code text} (UTF-8) as 64 lowercase hex digits. */
  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
