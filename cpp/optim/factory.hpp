// Build any optimizer from its kind and PyTorch's option names, as the reference cases and the
// JS API spell them ({"kind": "adagrad", "lr": 0.1, "eps_placement": "inside"}).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "optim/optimizer.hpp"

namespace adagrad::optim {

using OptionValue = std::variant<double, bool, std::string>;

struct OptimizerSpec {
  std::string kind;  ///< "sgd", "adagrad", "rmsprop" or "adam"
  /// snake_case option names; a missing option keeps PyTorch's default.
  std::vector<std::pair<std::string, OptionValue>> options;
};

/// Throws std::invalid_argument for an unknown kind, an option the kind does not have, a value
/// of the wrong type, or a value out of range.
std::unique_ptr<Optimizer> make_optimizer(const OptimizerSpec& spec);

/// The option names each kind accepts, in documentation order.
std::vector<std::string_view> option_names(std::string_view kind);

/// Each option's default (PyTorch's), read from the kind's options struct, in the same order.
std::vector<std::pair<std::string, OptionValue>> option_defaults(std::string_view kind);

}  // namespace adagrad::optim
