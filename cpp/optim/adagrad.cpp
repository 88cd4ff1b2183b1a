#include "optim/adagrad.hpp"

#include <cmath>
#include <string>

#include "core/check.hpp"

namespace adagrad::optim {

EpsPlacement parse_eps_placement(std::string_view text, std::string_view field) {
  if (text == "outside") return EpsPlacement::outside;
  if (text == "inside") return EpsPlacement::inside;
  fail(std::string(field) + " must be \"outside\" or \"inside\", got \"" + std::string(text) +
       "\"");
}

std::string_view to_string(EpsPlacement placement) {
  return placement == EpsPlacement::inside ? "inside" : "outside";
}

Adagrad::Adagrad(AdagradOptions options) : options_(options) {
  require_positive("lr", options_.lr);
  require_non_negative("lr_decay", options_.lr_decay);
  require_non_negative("weight_decay", options_.weight_decay);
  require_non_negative("initial_accumulator_value", options_.initial_accumulator_value);
  require_positive("eps", options_.eps);
}

void Adagrad::init_state(std::size_t n) {
  sum_.assign(n, options_.initial_accumulator_value);
  rate_.assign(n, 0.0);
  update_.assign(n, 0.0);
}

void Adagrad::clear_state() {
  sum_.clear();
  rate_.clear();
  update_.clear();
}

// reference: PyTorch's _single_tensor_adagrad (torch/optim/adagrad.py); Duchi et al. 2011.
void Adagrad::update(std::span<double> params, std::span<const double> grad) {
  const auto& o = options_;
  // η_t = η / (1 + (t - 1) · lr_decay)
  const double clr = o.lr / (1.0 + static_cast<double>(steps() - 1) * o.lr_decay);
  // One loop per placement, so each is branch-free and vectorises. denominator_of(G) is √G + ε
  // (outside) or √(G + ε) (inside).
  const auto apply = [&](auto denominator_of) {
    for (std::size_t i = 0; i < params.size(); ++i) {
      const double g = grad[i] + o.weight_decay * params[i];  // g ← g + λθ
      sum_[i] += g * g;                                        // G ← G + g²
      const double den = denominator_of(sum_[i]);
      rate_[i] = clr / den;
      // Δθ = -rate · g. PyTorch computes -η_t · (g / den), which for g = 0 is -0 even where
      // η_t / den overflows to an infinite rate (a tiny ε, G = 0), and -inf · 0 would be NaN;
      // the zero-gradient branch is PyTorch's own expression, so it agrees bit for bit.
      update_[i] = g == 0 ? -clr * (g / den) : -rate_[i] * g;
      params[i] += update_[i];
    }
  };
  if (o.eps_placement == EpsPlacement::inside)
    apply([&](double G) { return std::sqrt(G + o.eps); });  // rate η_t / √(G + ε)
  else
    apply([&](double G) { return std::sqrt(G) + o.eps; });  // rate η_t / (√G + ε)
}

}  // namespace adagrad::optim
