// A multilayer perceptron for binary classification: any list of layer sizes, one hidden
// activation, a sigmoid output unit and binary cross-entropy. Parameters and gradients live in
// one flat contiguous buffer, layer by layer [W₁ (out × in, row-major), b₁, W₂, b₂, …], which
// is the seed notebook's W1, b1, W2, b2 order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/grid.hpp"

namespace adagrad::nn {

enum class Activation { relu, tanh, sigmoid, linear };
/// "relu", "tanh", "sigmoid", "linear"; throws naming `field` otherwise.
Activation parse_activation(std::string_view text, std::string_view field = "activation");
std::string_view to_string(Activation activation);

enum class Init {
  automatic,  ///< He for relu, Glorot otherwise
  he,         ///< N(0, 2 / fan_in)
  glorot,     ///< N(0, 2 / (fan_in + fan_out))
  notebook,   ///< 0.1 · randn from numpy's legacy stream, layer by layer: the seed notebook's weights
};
Init parse_init(std::string_view text, std::string_view field = "init");

/// The widest layer the core builds. Widths 1 … kMaxWidth are all valid: a 1-wide hidden layer
/// is a bottleneck the network trains through; a kMaxWidth one fits every size limit
/// (tests/native/edges_test.cpp). The page allows less (web/src/figures/spiral/limits.js).
inline constexpr long long kMaxWidth = 4096;

struct MlpOptions {
  std::vector<long long> layers{2, 10, 1};  ///< input, hidden…, output (must be 1); each 1 … kMaxWidth
  Activation activation = Activation::relu; ///< for the hidden layers
  Init init = Init::automatic;              ///< weights from `seed`; biases start at 0
  std::uint64_t seed = 42;
};

using Grid = adagrad::Grid;

class Mlp {
 public:
  explicit Mlp(MlpOptions options = {});

  const MlpOptions& options() const { return options_; }
  std::size_t num_inputs() const { return static_cast<std::size_t>(options_.layers.front()); }
  std::size_t num_params() const { return params_.size(); }
  std::span<double> params() { return params_; }
  std::span<const double> params() const { return params_; }
  /// ∂loss/∂params from the latest loss_and_gradient().
  std::span<const double> grads() const { return grads_; }
  /// Replace every weight; size num_params(), all finite.
  void set_params(std::span<const double> values);
  /// Draw fresh weights from `seed`; a seed the init refuses (past 32 bits for notebook) leaves
  /// the weights as they were.
  void init_params(std::uint64_t seed);

  /// Where layer l's W (out × in) and b start in params(), l = 0 for the first weight layer.
  std::size_t weight_offset(std::size_t l) const { return w_off_[l]; }
  std::size_t bias_offset(std::size_t l) const { return b_off_[l]; }

  /// P(class 1) for n samples x (n × num_inputs), written to out (n). Throws when a sample
  /// overflows the network's arithmetic (its output would be nan), naming the sample.
  void predict(std::span<const double> x, std::span<double> out);
  /// P(class 1) at every cell centre of the grid, written to out (ny × nx). Throws, naming the
  /// cell, where the network's output overflows to nan.
  void predict_grid(const Grid& grid, std::span<double> out);

  struct Evaluation {
    double loss;      ///< mean binary cross-entropy
    double accuracy;  ///< share of samples with (P > 0.5) == label
  };
  /// Loss and accuracy without touching grads; any number of samples (taken in chunks). Targets
  /// y must be in [0, 1] (labels, or soft labels), as for every loss_and_gradient().
  Evaluation evaluate(std::span<const double> x, std::span<const double> y);
  /// Loss and accuracy, and grads() = ∂loss/∂params; at most max_batch() samples.
  Evaluation loss_and_gradient(std::span<const double> x, std::span<const double> y);

  /// The most samples loss_and_gradient() takes at once: its workspace keeps samples × width
  /// values per layer, and no array may pass kMaxValues (wasm32's size_t is 32 bits).
  std::size_t max_batch() const;
  /// Throws unless n <= max_batch(): "<rule> at most 8192 samples for this network (…), got <got>",
  /// with rule "y must hold" or "batch_size must be".
  void check_batch_size(std::string_view rule, std::size_t n, std::string_view got) const;

 private:
  // Activations for a batch of n: a_[0] is the input, a_[l+1] = act(z_[l]); all n × width.
  void forward(std::span<const double> x, std::size_t n);
  // P(class 1) for x (out.size() × inputs, already checked) into out, a chunk at a time.
  void forward_into(std::span<const double> x, std::span<double> out);
  void add_loss_from_logits(std::span<const double> y, std::size_t n, Evaluation& sums);
  void backward(std::span<const double> y, std::size_t n);
  void check_batch(std::span<const double> x, std::span<const double> y) const;
  std::size_t width(std::size_t i) const { return static_cast<std::size_t>(options_.layers[i]); }
  std::size_t num_weight_layers() const { return options_.layers.size() - 1; }
  std::size_t widest() const;

  static constexpr std::size_t kChunk = 512;  // samples per forward pass in predict and evaluate

  MlpOptions options_;
  std::vector<double> params_, grads_;
  std::vector<std::size_t> w_off_, b_off_;
  std::vector<std::vector<double>> z_, a_;  // workspace, grown on demand, never shrunk
  std::vector<double> delta_, delta_prev_;  // ∂loss/∂z of the current and previous layer
  std::vector<double> grid_points_;         // predict_grid's cell centres
  std::vector<double> exp_buffer_;          // e^-|z| of the output logits
};

}  // namespace adagrad::nn
