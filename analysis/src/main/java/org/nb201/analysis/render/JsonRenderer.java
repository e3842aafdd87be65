package org.nb201.analysis.render;

import com.google.gson.ExclusionStrategy;
import com.google.gson.FieldAttributes;
import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import org.nb201.analysis.Points;

/**
 * Results as JSON: every record component by its snake_case name, unknown values ({@code NaN})
 * as {@code null}, and the per-cell chart data ({@link Points}) left out.
 */
public final class JsonRenderer {
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
      .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
      .registerTypeAdapter(double.class, new Finite()).registerTypeAdapter(Double.class, new Finite())
      .setExclusionStrategies(new ExclusionStrategy() {
        @Override
        public boolean shouldSkipField(FieldAttributes f) {
          return f.getAnnotation(Points.class) != null;
        }

        @Override
        public boolean shouldSkipClass(Class<?> c) {
          return false;
        }
      }).create();

  private JsonRenderer() {}

  /** The JSON of one result record (or any tree of records, lists and maps). */
  public static String render(Object result) {
    return GSON.toJson(result);
  }

  /** Writes finite doubles as numbers and NaN / infinities as null. */
  private static final class Finite extends TypeAdapter<Double> {
    @Override
    public void write(JsonWriter out, Double v) throws IOException {
      if (v == null || !Double.isFinite(v)) {
        out.nullValue();
      } else {
        out.value(v);
      }
    }

    @Override
    public Double read(JsonReader in) throws IOException {
      return in.nextDouble();
    }
  }
}
