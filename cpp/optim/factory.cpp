#include "optim/factory.hpp"

#include <map>

#include "core/check.hpp"
#include "optim/adagrad.hpp"
#include "optim/adam.hpp"
#include "optim/rmsprop.hpp"
#include "optim/sgd.hpp"

namespace adagrad::optim {
namespace {

// One table per kind: option name -> where it lives in the options struct.
template <class Options>
struct Field {
  std::string_view name;
  std::variant<double Options::*, bool Options::*, EpsPlacement Options::*> member;
};

std::string describe(const OptionValue& v) {
  if (const auto* d = std::get_if<double>(&v)) return format_number(*d);
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  return "\"" + std::get<std::string>(v) + "\"";
}

template <class Options>
Options apply(std::string_view kind, const std::vector<Field<Options>>& fields,
              const OptimizerSpec& spec) {
  Options out{};
  for (std::size_t k = 0; k < spec.options.size(); ++k) {
    const auto& [name, value] = spec.options[k];
    for (std::size_t j = 0; j < k; ++j)
      if (spec.options[j].first == name) fail("option \"" + name + "\" is given twice");
    const Field<Options>* field = nullptr;
    for (const auto& f : fields)
      if (f.name == name) field = &f;
    if (!field) fail("unknown option \"" + name + "\" for " + std::string(kind));
    std::visit(
        [&, &name = name, &value = value](auto member) {
          using T = std::remove_reference_t<decltype(out.*member)>;
          if constexpr (std::is_same_v<T, double>) {
            if (!std::holds_alternative<double>(value)) fail(name + " must be a number, got " + describe(value));
            out.*member = std::get<double>(value);
          } else if constexpr (std::is_same_v<T, bool>) {
            if (!std::holds_alternative<bool>(value)) fail(name + " must be true or false, got " + describe(value));
            out.*member = std::get<bool>(value);
          } else {
            if (!std::holds_alternative<std::string>(value))
              fail(name + " must be \"outside\" or \"inside\", got " + describe(value));
            out.*member = parse_eps_placement(std::get<std::string>(value), name);
          }
        },
        field->member);
  }
  return out;
}

const std::vector<Field<SgdOptions>> kSgd = {
    {"lr", &SgdOptions::lr},
    {"momentum", &SgdOptions::momentum},
    {"dampening", &SgdOptions::dampening},
    {"weight_decay", &SgdOptions::weight_decay},
    {"nesterov", &SgdOptions::nesterov},
};
const std::vector<Field<AdagradOptions>> kAdagrad = {
    {"lr", &AdagradOptions::lr},
    {"lr_decay", &AdagradOptions::lr_decay},
    {"weight_decay", &AdagradOptions::weight_decay},
    {"initial_accumulator_value", &AdagradOptions::initial_accumulator_value},
    {"eps", &AdagradOptions::eps},
    {"eps_placement", &AdagradOptions::eps_placement},
};
const std::vector<Field<RmspropOptions>> kRmsprop = {
    {"lr", &RmspropOptions::lr},
    {"alpha", &RmspropOptions::alpha},
    {"eps", &RmspropOptions::eps},
    {"weight_decay", &RmspropOptions::weight_decay},
    {"momentum", &RmspropOptions::momentum},
    {"centered", &RmspropOptions::centered},
};
const std::vector<Field<AdamOptions>> kAdam = {
    {"lr", &AdamOptions::lr},
    {"beta1", &AdamOptions::beta1},
    {"beta2", &AdamOptions::beta2},
    {"eps", &AdamOptions::eps},
    {"weight_decay", &AdamOptions::weight_decay},
    {"amsgrad", &AdamOptions::amsgrad},
};

template <class Options>
std::vector<std::string_view> names(const std::vector<Field<Options>>& fields) {
  std::vector<std::string_view> out;
  for (const auto& f : fields) out.push_back(f.name);
  return out;
}

template <class Options>
std::vector<std::pair<std::string, OptionValue>> defaults(const std::vector<Field<Options>>& fields) {
  static const Options o{};  // static: one default instance (and no false -Wmaybe-uninitialized)
  std::vector<std::pair<std::string, OptionValue>> out;
  for (const auto& f : fields)
    std::visit(
        [&](auto member) {
          using T = std::remove_cvref_t<decltype(o.*member)>;
          if constexpr (std::is_same_v<T, EpsPlacement>)
            out.emplace_back(std::string(f.name), std::string(to_string(o.*member)));
          else
            out.emplace_back(std::string(f.name), o.*member);
        },
        f.member);
  return out;
}

[[noreturn]] void unknown_kind(std::string_view kind) {
  fail("kind must be one of \"sgd\", \"adagrad\", \"rmsprop\", \"adam\", got \"" +
       std::string(kind) + "\"");
}

}  // namespace

std::unique_ptr<Optimizer> make_optimizer(const OptimizerSpec& spec) {
  const std::string_view k = spec.kind;
  if (k == "sgd") return std::make_unique<Sgd>(apply(k, kSgd, spec));
  if (k == "adagrad") return std::make_unique<Adagrad>(apply(k, kAdagrad, spec));
  if (k == "rmsprop") return std::make_unique<Rmsprop>(apply(k, kRmsprop, spec));
  if (k == "adam") return std::make_unique<Adam>(apply(k, kAdam, spec));
  unknown_kind(k);
}

std::vector<std::string_view> option_names(std::string_view kind) {
  if (kind == "sgd") return names(kSgd);
  if (kind == "adagrad") return names(kAdagrad);
  if (kind == "rmsprop") return names(kRmsprop);
  if (kind == "adam") return names(kAdam);
  unknown_kind(kind);
}

std::vector<std::pair<std::string, OptionValue>> option_defaults(std::string_view kind) {
  if (kind == "sgd") return defaults(kSgd);
  if (kind == "adagrad") return defaults(kAdagrad);
  if (kind == "rmsprop") return defaults(kRmsprop);
  if (kind == "adam") return defaults(kAdam);
  unknown_kind(kind);
}

}  // namespace adagrad::optim
