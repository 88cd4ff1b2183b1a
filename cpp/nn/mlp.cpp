#include "nn/mlp.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/check.hpp"
#include "data/numpy_legacy.hpp"
#include "data/portable_math.hpp"
#include "data/rng.hpp"
#include "nn/kernels.hpp"

namespace adagrad::nn {

Activation parse_activation(std::string_view text, std::string_view field) {
  if (text == "relu") return Activation::relu;
  if (text == "tanh") return Activation::tanh;
  if (text == "sigmoid") return Activation::sigmoid;
  if (text == "linear") return Activation::linear;
  fail(std::string(field) + " must be one of \"relu\", \"tanh\", \"sigmoid\", \"linear\", got \"" +
       std::string(text) + "\"");
}

std::string_view to_string(Activation activation) {
  switch (activation) {
    case Activation::relu: return "relu";
    case Activation::tanh: return "tanh";
    case Activation::sigmoid: return "sigmoid";
    case Activation::linear: return "linear";
  }
  return "linear";
}

Init parse_init(std::string_view text, std::string_view field) {
  if (text == "auto") return Init::automatic;
  if (text == "he") return Init::he;
  if (text == "glorot") return Init::glorot;
  if (text == "notebook") return Init::notebook;
  fail(std::string(field) + " must be one of \"auto\", \"he\", \"glorot\", \"notebook\", got \"" +
       std::string(text) + "\"");
}

Mlp::Mlp(MlpOptions options) : options_(std::move(options)) {
  const auto& layers = options_.layers;
  if (layers.size() < 2)
    fail("layers must list at least an input and an output size, got " +
         std::to_string(layers.size()) + (layers.size() == 1 ? " size" : " sizes"));
  for (std::size_t i = 0; i < layers.size(); ++i) {
    if (layers[i] < 1 || layers[i] > kMaxWidth)
      fail("layers[" + std::to_string(i) + "] must be between 1 and " + std::to_string(kMaxWidth) + ", got " +
           std::to_string(layers[i]));
  }
  if (layers.back() != 1)
    fail("layers must end in 1 output (sigmoid, binary cross-entropy), got " +
         std::to_string(layers.back()));
  // Counted in 64 bits (each layer adds less than 2²⁵, so no list that fits in memory can
  // overflow it) and compared with the limit before any offset is taken in size_t.
  std::uint64_t count = 0;
  for (std::size_t l = 0; l < num_weight_layers(); ++l)
    count += std::uint64_t{width(l + 1)} * width(l) + width(l + 1);
  if (count > kMaxValues)
    fail("layers need " + std::to_string(count) + " parameters, more than the limit of " +
         std::to_string(kMaxValues));
  std::size_t total = 0;
  for (std::size_t l = 0; l < num_weight_layers(); ++l) {
    w_off_.push_back(total);
    total += width(l + 1) * width(l);
    b_off_.push_back(total);
    total += width(l + 1);
  }
  params_.assign(total, 0.0);
  grads_.assign(total, 0.0);
  z_.resize(num_weight_layers());
  a_.resize(layers.size());
  init_params(options_.seed);
}

void Mlp::init_params(std::uint64_t seed) {
  if (options_.init == Init::notebook) {
    // np.random.seed(seed); W = randn(out, in) * 0.1 for each layer; biases 0. The stream is
    // seeded (and a seed past 32 bits refused) before a weight changes.
    data::NumpyLegacyRandom numpy(seed);
    std::fill(params_.begin(), params_.end(), 0.0);
    for (std::size_t l = 0; l < num_weight_layers(); ++l)
      for (std::size_t k = 0; k < width(l + 1) * width(l); ++k) params_[w_off_[l] + k] = numpy.gauss() * 0.1;
    return;
  }
  std::fill(params_.begin(), params_.end(), 0.0);
  data::Rng rng(seed);
  for (std::size_t l = 0; l < num_weight_layers(); ++l) {
    const double fan_in = static_cast<double>(width(l)), fan_out = static_cast<double>(width(l + 1));
    Init init = options_.init;
    if (init == Init::automatic) init = options_.activation == Activation::relu ? Init::he : Init::glorot;
    const double sd = init == Init::he ? std::sqrt(2.0 / fan_in) : std::sqrt(2.0 / (fan_in + fan_out));
    for (std::size_t k = 0; k < width(l + 1) * width(l); ++k) params_[w_off_[l] + k] = sd * rng.normal();
  }
}

void Mlp::set_params(std::span<const double> values) {
  require_same_size("params", values.size(), "the network", params_.size());
  require_all_finite("params", values);
  std::copy(values.begin(), values.end(), params_.begin());
}

// Buffers are layer-major: a_[l] holds width(l) rows of n samples, so every inner loop runs
// over samples with unit stride and vectorises; z = W a + b keeps the sum over inputs in
// index order.
void Mlp::forward(std::span<const double> x, std::size_t n) {
  const std::size_t d = num_inputs();
  a_[0].resize(d * n);
  for (std::size_t k = 0; k < n; ++k)  // rows of samples → a row per input
    for (std::size_t i = 0; i < d; ++i) a_[0][i * n + k] = x[k * d + i];
  const std::size_t layers = num_weight_layers();
  for (std::size_t l = 0; l < layers; ++l) {
    const std::size_t in = width(l), out = width(l + 1);
    const double* W = &params_[w_off_[l]];  // out × in
    const double* b = &params_[b_off_[l]];  // out
    const double* a = a_[l].data();         // in × n
    z_[l].resize(out * n);
    a_[l + 1].resize(out * n);
    double* z = z_[l].data();               // out × n
    kernels::affine(W, b, a, z, in, out, n);  // z = W a + b
    double* next = a_[l + 1].data();
    if (l + 1 == layers) {
      kernels::sigmoid(z, next, out * n);  // the output unit's σ
      continue;
    }
    switch (options_.activation) {
      case Activation::relu: kernels::relu(z, next, out * n); break;
      case Activation::tanh: kernels::tanh(z, next, out * n); break;
      case Activation::sigmoid: kernels::sigmoid(z, next, out * n); break;
      case Activation::linear: std::copy_n(z, out * n, next); break;
    }
  }
}

// Binary cross-entropy from the logit z, in the stable form max(z, 0) - y z + log(1 + e^-|z|),
// which equals -[y log σ(z) + (1 - y) log(1 - σ(z))] without overflow.
// Built from the kernels and portable_log only, so native and WASM agree to the bit.
// The sums run on from `sums`, so a batch taken in chunks adds in the same order as in one go.
void Mlp::add_loss_from_logits(std::span<const double> y, std::size_t n, Evaluation& sums) {
  const double* z = z_.back().data();
  const double* p = a_.back().data();
  exp_buffer_.resize(n);
  kernels::exp_minus_abs(z, exp_buffer_.data(), n);  // e^-|z|
  double loss = sums.loss, correct = sums.accuracy;
  for (std::size_t k = 0; k < n; ++k) {
    // log(1 + e) accurately for small e: log(u) · e / (u - 1) with u = 1 + e (Goldberg).
    const double e = exp_buffer_[k], u = 1.0 + e;
    const double log1p_e = u == 1.0 ? e : data::portable_log(u) * e / (u - 1.0);
    loss += std::max(z[k], 0.0) - y[k] * z[k] + log1p_e;
    correct += static_cast<double>((p[k] > 0.5) == (y[k] > 0.5));
  }
  sums = {loss, correct};
}

void Mlp::backward(std::span<const double> y, std::size_t n) {
  // At the output, ∂loss/∂z = (σ(z) - y) / n for the mean loss.
  const double inv_n = 1.0 / static_cast<double>(n);
  delta_.resize(n);
  for (std::size_t k = 0; k < n; ++k) delta_[k] = (a_.back()[k] - y[k]) * inv_n;
  for (std::size_t l = num_weight_layers(); l-- > 0;) {
    const std::size_t in = width(l), out = width(l + 1);
    const double* a = a_[l].data();  // in × n
    const double* W = &params_[w_off_[l]];
    double* dW = &grads_[w_off_[l]];
    double* db = &grads_[b_off_[l]];
    for (std::size_t o = 0; o < out; ++o) db[o] = kernels::sum(&delta_[o * n], n);  // db = Σₖ δ
    kernels::outer_accumulate(delta_.data(), a, dW, in, out, n);                   // dW = δ aᵀ
    if (l == 0) break;
    // δ_prev = (Wᵀ δ) ⊙ act'(z_prev)   (in × n)
    delta_prev_.resize(in * n);
    kernels::affine_transposed(W, delta_.data(), delta_prev_.data(), in, out, n);
    // ⊙ act'(z_prev): one loop per activation, so each is branch-free and vectorises
    const double* zp = z_[l - 1].data();
    double* dp = delta_prev_.data();
    const std::size_t count = in * n;
    switch (options_.activation) {
      case Activation::relu:
        for (std::size_t k = 0; k < count; ++k) dp[k] = zp[k] > 0 ? dp[k] : 0.0;
        break;
      case Activation::tanh:
        for (std::size_t k = 0; k < count; ++k) dp[k] *= 1.0 - a[k] * a[k];
        break;
      case Activation::sigmoid:
        for (std::size_t k = 0; k < count; ++k) dp[k] *= a[k] * (1.0 - a[k]);
        break;
      case Activation::linear: break;
    }
    std::swap(delta_, delta_prev_);
  }
}

void Mlp::check_batch(std::span<const double> x, std::span<const double> y) const {
  if (y.empty()) fail("y must not be empty");
  require_same_size("x", x.size(), "y × inputs", checked_product("x", y.size(), num_inputs()));
  require_all_finite("x", x);
  require_all_finite("y", y);
  // Binary cross-entropy is a loss (>= 0) only for targets in [0, 1]: y = 2 made it negative.
  for (std::size_t k = 0; k < y.size(); ++k)
    if (!(y[k] >= 0 && y[k] <= 1)) fail("y[" + std::to_string(k) + "] must be in [0, 1], got " + format_number(y[k]));
}

std::size_t Mlp::widest() const {
  return static_cast<std::size_t>(*std::max_element(options_.layers.begin(), options_.layers.end()));
}

std::size_t Mlp::max_batch() const { return kMaxValues / widest(); }

void Mlp::check_batch_size(std::string_view rule, std::size_t n, std::string_view got) const {
  if (n > max_batch())
    fail(std::string(rule) + " at most " + std::to_string(max_batch()) +
         " samples for this network (a batch keeps samples × " + std::to_string(widest()) +
         " values for its widest layer, at most " + std::to_string(kMaxValues) + "), got " +
         std::string(got));
}

// In chunks, as predict(): the result is the same to the bit (every sample's forward pass is
// its own, and the sums run on in sample order), and the workspace stays small for big inputs.
Mlp::Evaluation Mlp::evaluate(std::span<const double> x, std::span<const double> y) {
  check_batch(x, y);
  const std::size_t n = y.size(), d = num_inputs();
  Evaluation sums{0, 0};
  for (std::size_t start = 0; start < n; start += kChunk) {
    const std::size_t m = std::min(kChunk, n - start);
    forward(x.subspan(start * d, m * d), m);
    add_loss_from_logits(y.subspan(start, m), m, sums);
  }
  return {sums.loss / static_cast<double>(n), sums.accuracy / static_cast<double>(n)};
}

Mlp::Evaluation Mlp::loss_and_gradient(std::span<const double> x, std::span<const double> y) {
  check_batch(x, y);
  const std::size_t n = y.size();
  check_batch_size("y must hold", n, std::to_string(n));  // the backward pass needs them all at once
  forward(x, n);
  Evaluation sums{0, 0};
  add_loss_from_logits(y, n, sums);
  backward(y, n);
  return {sums.loss / static_cast<double>(n), sums.accuracy / static_cast<double>(n)};
}

void Mlp::predict(std::span<const double> x, std::span<double> out) {
  require_same_size("x", x.size(), "out × inputs", checked_product("x", out.size(), num_inputs()));
  require_all_finite("x", x);
  forward_into(x, out);
  // Finite inputs and weights can still overflow on the way (1e308 · 2 + …): a logit of
  // inf - inf is nan, and nan is no probability. Refused, naming the sample.
  const std::size_t d = num_inputs();
  for (std::size_t k = 0; k < out.size(); ++k)
    if (std::isnan(out[k]))
      fail("sample " + std::to_string(k) + " of x is too large for this network: its output overflows to nan, got x[" +
           std::to_string(k * d) + "] = " + format_number(x[k * d]));
}

// In chunks, so the workspace stays small for big inputs.
void Mlp::forward_into(std::span<const double> x, std::span<double> out) {
  const std::size_t d = num_inputs();
  for (std::size_t start = 0; start < out.size(); start += kChunk) {
    const std::size_t m = std::min(kChunk, out.size() - start);
    forward(x.subspan(start * d, m * d), m);
    std::copy_n(a_.back().begin(), m, out.begin() + static_cast<std::ptrdiff_t>(start));
  }
}

void Mlp::predict_grid(const Grid& g, std::span<double> out) {
  if (num_inputs() != 2)
    fail("predict_grid needs a network with 2 inputs, got " + std::to_string(num_inputs()));
  g.validate();
  require_same_size("out", out.size(), "nx × ny", g.size());
  const auto nx = static_cast<std::size_t>(g.nx), ny = static_cast<std::size_t>(g.ny);
  grid_points_.resize(2 * g.size());
  for (std::size_t r = 0; r < ny; ++r)
    for (std::size_t c = 0; c < nx; ++c) {
      grid_points_[2 * (r * nx + c)] = g.x_at(c);
      grid_points_[2 * (r * nx + c) + 1] = g.y_at(r);
    }
  forward_into(grid_points_, out);
  for (std::size_t k = 0; k < out.size(); ++k)  // as in predict(): nan is no probability
    if (std::isnan(out[k]))
      fail("the grid's cell at row " + std::to_string(k / nx) + ", column " + std::to_string(k % nx) + " (x = " +
           format_number(g.x_at(k % nx)) + ", y = " + format_number(g.y_at(k / nx)) +
           ") is too far out for this network: its output overflows to nan");
}

}  // namespace adagrad::nn
