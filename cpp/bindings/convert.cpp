#include "convert.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>
#include <new>
#include <stdexcept>
#include <string>

#include <emscripten/bind.h>

#include "core/check.hpp"

namespace adagrad::bindings {
namespace {

using emscripten::typed_memory_view;

constexpr double kMaxSafeInteger = 9007199254740991.0;  // 2^53 - 1, JS's Number.MAX_SAFE_INTEGER

std::string field_at(std::string_view field, std::size_t i) {
  return std::string(field) + "[" + std::to_string(i) + "]";
}

bool is_plain_array(const val& v) { return val::global("Array").call<bool>("isArray", v); }

// The common case, checked first: one instanceof against a constructor looked up once.
bool is_float64_array(const val& v) {
  static const val float64_array = val::global("Float64Array");
  return v.instanceof(float64_array);
}

// Typed arrays whose elements are JS numbers (not the BigInt ones, which `set` cannot mix).
bool is_number_typed_array(const val& v) {
  if (is_float64_array(v)) return true;
  if (!val::global("ArrayBuffer").call<bool>("isView", v)) return false;
  const std::string name = v["constructor"]["name"].as<std::string>();
  return name == "Float64Array" || name == "Float32Array" || name == "Int8Array" ||
         name == "Uint8Array" || name == "Uint8ClampedArray" || name == "Int16Array" ||
         name == "Uint16Array" || name == "Int32Array" || name == "Uint32Array";
}

}  // namespace

void report_current_exception() {
  std::string message;
  try {
    throw;
  } catch (const std::bad_alloc&) {
    // what() says nothing a reader can act on; api.js names the call and what to do
    message = "out of memory";
  } catch (const std::length_error&) {
    message = "out of memory";  // a vector or string past max_size: memory by another name
  } catch (const std::exception& e) {
    message = e.what();
  } catch (...) {
    message = "unknown C++ exception";
  }
  val::module_property("_errorSlot").set("message", message);
}

std::string describe(const val& v) {
  if (v.isNull()) return "null";
  if (is_plain_array(v)) return "array";
  return v.typeOf().as<std::string>();
}

// ---- scalars ------------------------------------------------------------------------------

double to_number(const val& v, std::string_view field) {
  if (!v.isNumber()) fail(std::string(field) + " must be a number, got " + describe(v));
  return v.as<double>();
}

long long to_integer(const val& v, std::string_view field) {
  const double d = to_number(v, field);
  if (!(std::isfinite(d) && std::trunc(d) == d && std::abs(d) <= kMaxSafeInteger))
    fail(std::string(field) + " must be an integer, got " + format_number(d));
  return static_cast<long long>(d);
}

std::uint64_t to_seed(const val& v, std::string_view field) {
  const long long i = to_integer(v, field);
  if (i < 0) fail(std::string(field) + " must be an integer >= 0, got " + std::to_string(i));
  return static_cast<std::uint64_t>(i);
}

std::size_t to_size(const val& v, std::string_view field) {
  const std::uint64_t i = to_seed(v, field);
  if (i > std::numeric_limits<std::size_t>::max())  // size_t is 32 bits in wasm32
    fail(std::string(field) + " is too large, got " + std::to_string(i));
  return static_cast<std::size_t>(i);
}

std::string to_string(const val& v, std::string_view field) {
  if (!v.isString()) fail(std::string(field) + " must be a string, got " + describe(v));
  return v.as<std::string>();
}

bool to_bool(const val& v, std::string_view field) {
  if (v.typeOf().as<std::string>() != "boolean")
    fail(std::string(field) + " must be true or false, got " + describe(v));
  return v.as<bool>();
}

// ---- arrays -------------------------------------------------------------------------------

std::vector<double> to_doubles(const val& v, std::string_view field) {
  if (is_number_typed_array(v)) {
    std::vector<double> out(v["length"].as<std::size_t>());
    // Copy through a view of `out`, used at once: nothing allocates while it exists.
    val(typed_memory_view(out.size(), out.data())).call<void>("set", v);
    return out;
  }
  if (!is_plain_array(v))
    fail(std::string(field) + " must be a Float64Array or an array of numbers, got " + describe(v));
  const auto n = v["length"].as<std::size_t>();
  std::vector<double> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = to_number(v[i], field_at(field, i));
  return out;
}

std::vector<long long> to_integers(const val& v, std::string_view field) {
  const std::vector<double> values = to_doubles(v, field);
  std::vector<long long> out(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) out[i] = to_integer(val(values[i]), field_at(field, i));
  return out;
}

std::vector<std::string> to_strings(const val& v, std::string_view field) {
  if (!is_plain_array(v)) fail(std::string(field) + " must be an array of strings, got " + describe(v));
  const auto n = v["length"].as<std::size_t>();
  std::vector<std::string> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = to_string(v[i], field_at(field, i));
  return out;
}

// ---- option objects -----------------------------------------------------------------------

Options::Options(const val& v, std::string what, bool optional) : v_(v), what_(std::move(what)) {
  if (optional && v.isUndefined()) return;
  if (!(v.typeOf().as<std::string>() == "object") || v.isNull() || is_plain_array(v))
    fail(what_ + " must be an object, got " + describe(v));
  const val keys = val::global("Object").call<val>("keys", v);
  const auto n = keys["length"].as<std::size_t>();
  for (std::size_t i = 0; i < n; ++i) {
    std::string key = keys[i].as<std::string>();
    if (!v[key].isUndefined()) keys_.push_back(std::move(key));  // {lr: undefined} = no lr
  }
}

bool Options::has(const char* key) const {
  return std::find(keys_.begin(), keys_.end(), key) != keys_.end();
}

val Options::get(const char* key) const {
  if (!has(key)) return val::undefined();
  seen_.emplace_back(key);
  return v_[key];
}

val Options::required(const char* key) const {
  if (!has(key)) fail(std::string(key) + " is required");
  return get(key);
}

double Options::number(const char* key, double fallback) const {
  return has(key) ? to_number(get(key), key) : fallback;
}
double Options::number(const char* key) const { return to_number(required(key), key); }

long long Options::integer(const char* key, long long fallback) const {
  return has(key) ? to_integer(get(key), key) : fallback;
}
long long Options::integer(const char* key) const { return to_integer(required(key), key); }

std::uint64_t Options::seed(const char* key, std::uint64_t fallback) const {
  return has(key) ? to_seed(get(key), key) : fallback;
}

std::string Options::string(const char* key, std::string fallback) const {
  return has(key) ? to_string(get(key), key) : fallback;
}
std::string Options::string(const char* key) const { return to_string(required(key), key); }

std::vector<double> Options::doubles(const char* key) const {
  return to_doubles(required(key), key);
}

std::optional<std::vector<double>> Options::doubles_if_present(const char* key) const {
  if (!has(key)) return std::nullopt;
  return to_doubles(get(key), key);
}

void Options::finish() const {
  for (const auto& key : keys_)
    if (std::find(seen_.begin(), seen_.end(), key) == seen_.end())
      fail("unknown option \"" + key + "\" for " + what_);
}

// ---- the core's option structs ------------------------------------------------------------

optim::OptimizerSpec to_optimizer_spec(const val& v) {
  // Every key but `kind` goes to the factory, which refuses the ones its kind lacks.
  const Options o(v, "optimizer");
  optim::OptimizerSpec spec;
  spec.kind = o.string("kind");
  const val keys = val::global("Object").call<val>("keys", v);
  const auto n = keys["length"].as<std::size_t>();
  for (std::size_t i = 0; i < n; ++i) {
    const std::string key = keys[i].as<std::string>();
    const val value = v[key];
    if (key == "kind" || value.isUndefined()) continue;
    if (value.isNumber()) spec.options.emplace_back(key, value.as<double>());
    else if (value.typeOf().as<std::string>() == "boolean") spec.options.emplace_back(key, value.as<bool>());
    else if (value.isString()) spec.options.emplace_back(key, value.as<std::string>());
    else fail(key + " must be a number, true/false or a string, got " + describe(value));
  }
  return spec;
}

nn::MlpOptions to_mlp_options(const val& v) {
  const Options o(v, "network", true);
  nn::MlpOptions m;
  if (o.has("layers")) m.layers = to_integers(o.get("layers"), "layers");
  if (o.has("activation")) m.activation = nn::parse_activation(o.string("activation"));
  if (o.has("init")) m.init = nn::parse_init(o.string("init"));
  m.seed = o.seed("seed", m.seed);
  o.finish();
  return m;
}

Grid to_grid(const val& v) {
  const Options o(v, "grid", true);
  Grid g;
  g.x_min = o.number("x_min", g.x_min);
  g.x_max = o.number("x_max", g.x_max);
  g.y_min = o.number("y_min", g.y_min);
  g.y_max = o.number("y_max", g.y_max);
  g.nx = o.integer("nx", g.nx);
  g.ny = o.integer("ny", g.ny);
  o.finish();
  return g;
}

data::Dataset read_dataset(const Options& o, std::size_t default_dim) {
  data::Dataset d;
  d.x = o.doubles("x");
  d.y = o.doubles("y");
  d.n = o.has("n") ? to_size(o.get("n"), "n") : d.y.size();  // so makeDataset's result fits
  d.dim = o.has("dim") || default_dim == 0 ? to_size(o.required("dim"), "dim") : default_dim;
  return d;
}

data::Dataset read_generated_dataset(const Options& o) {
  const std::string kind = o.string("kind");
  data::DatasetOptions options;
  options.n_samples = o.integer("n_samples", options.n_samples);
  options.noise = o.number("noise", options.noise);
  options.seed = o.seed("seed", options.seed);
  return data::make_dataset(kind, options);
}

data::Dataset to_dataset(const val& v) {
  const Options o(v, "data");
  data::Dataset d = read_dataset(o);
  o.finish();
  return d;
}

// ---- C++ -> JS ----------------------------------------------------------------------------

val to_float64_array(std::span<const double> values) {
  // `new Float64Array(view)` copies; the view dies before anything can allocate.
  return val::global("Float64Array").new_(typed_memory_view(values.size(), values.data()));
}

val to_float32_array(std::span<const float> values) {
  return val::global("Float32Array").new_(typed_memory_view(values.size(), values.data()));
}

void write_back(val target, std::span<const double> values) {
  if (is_float64_array(target) || !is_plain_array(target)) {
    target.call<void>("set", val(typed_memory_view(values.size(), values.data())));
  } else {
    for (std::size_t i = 0; i < values.size(); ++i) target.set(i, values[i]);
  }
}

val number_or_null(const std::optional<long long>& value) {
  return value ? val(static_cast<double>(*value)) : val::null();
}

val from_dataset(const data::Dataset& d) {
  val out = val::object();
  out.set("n", static_cast<double>(d.n));
  out.set("dim", static_cast<double>(d.dim));
  out.set("x", to_float64_array(d.x));
  out.set("y", to_float64_array(d.y));
  return out;
}

}  // namespace adagrad::bindings
