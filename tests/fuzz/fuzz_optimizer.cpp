// Optimizers from arbitrary options, then steps with arbitrary parameters and gradients: what
// createOptimizer / optimizer.step / reset hand the core from JS.
//
// Promises checked besides "no crash, no sanitizer report, only std::invalid_argument":
// - a refusal names the option (or the kind) it refuses;
// - a refused step leaves params, the step count and the optimizer's insides untouched;
// - an accepted step counts itself and sizes last_update / effective_rate / second_moment;
// - on fresh state, a zero gradient with no weight decay moves nothing (SGD, AdaGrad, RMSProp:
//   the update is proportional to g, as in PyTorch, even when η/ε overflows) and the reported
//   rate is not nan.
#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_common.hpp"
#include "optim/factory.hpp"

using namespace adagrad;
using fuzz::accepted;

namespace {

const char* const kKinds[] = {"sgd", "adagrad", "rmsprop", "adam"};
const char* const kOptionNames[] = {"lr",        "momentum", "dampening", "weight_decay", "nesterov",
                                    "lr_decay",  "initial_accumulator_value", "eps", "eps_placement",
                                    "alpha",     "centered", "beta1",     "beta2",        "amsgrad",
                                    "betas",     "LR",       ""};

optim::OptionValue any_value(FuzzedDataProvider& in) {
  switch (in.ConsumeIntegralInRange<int>(0, 5)) {
    case 0: return in.ConsumeBool();
    case 1: return std::string(in.PickValueInArray({"inside", "outside", "Inside", ""}));
    case 2: return in.ConsumeRandomLengthString(16);
    default: return fuzz::any_double(in);
  }
}

bool same_bits(std::span<const double> a, std::span<const double> b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

std::vector<double> copy(std::span<const double> v) { return {v.begin(), v.end()}; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  FuzzedDataProvider in(bytes, size);
  optim::OptimizerSpec spec;
  spec.kind = in.ConsumeIntegralInRange<int>(0, 15) == 0 ? in.ConsumeRandomLengthString(12)
                                                          : std::string(in.PickValueInArray(kKinds));
  const int n_options = in.ConsumeIntegralInRange<int>(0, 8);
  for (int k = 0; k < n_options; ++k)
    spec.options.emplace_back(in.PickValueInArray(kOptionNames), any_value(in));

  // The option tables the page reads (optionNames, optionDefaults) agree with each other.
  accepted([&] {
    const auto names = optim::option_names(spec.kind);
    const auto defaults = optim::option_defaults(spec.kind);
    FUZZ_EXPECT(names.size() == defaults.size(), "option_names and option_defaults differ in length");
    for (std::size_t i = 0; i < names.size(); ++i)
      FUZZ_EXPECT(names[i] == defaults[i].first, "option_names and option_defaults differ in order");
    // The defaults themselves make an optimizer.
    optim::make_optimizer({spec.kind, defaults});
  });

  if (fuzz::describing()) {
    std::fprintf(stderr, "optimizer %s:", spec.kind.c_str());
    for (const auto& [name, value] : spec.options)
      std::visit([&, &name = name](const auto& v) {
        if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::string>) std::fprintf(stderr, " %s=\"%s\"", name.c_str(), v.c_str());
        else std::fprintf(stderr, " %s=%g", name.c_str(), static_cast<double>(v));
      }, value);
    std::fprintf(stderr, "\n");
  }
  std::unique_ptr<optim::Optimizer> opt;
  try {
    opt = optim::make_optimizer(spec);
  } catch (const std::invalid_argument& refusal) {
    const std::string message = refusal.what();
    bool named = message.find("kind") != std::string::npos;
    for (const auto& [name, value] : spec.options) named = named || message.find(name) != std::string::npos;
    FUZZ_EXPECT(named, "a refused optimizer spec whose message names no option: " + message);
    return 0;
  }
  FUZZ_EXPECT(opt->kind() == spec.kind, "make_optimizer built the wrong kind");
  bool weight_decay = false;
  for (const auto& [name, value] : spec.options)
    if (name == "weight_decay" && std::get<double>(value) != 0) weight_decay = true;

  std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 24);
  std::vector<double> params = fuzz::any_doubles(in, n);
  const int actions = in.ConsumeIntegralInRange<int>(1, 24);
  for (int a = 0; a < actions && in.remaining_bytes() > 0; ++a) {
    switch (in.ConsumeIntegralInRange<int>(0, 7)) {
      case 0:
        opt->reset();
        FUZZ_EXPECT(opt->steps() == 0, "reset() left a step count");
        FUZZ_EXPECT(opt->last_update().empty(), "reset() left a last update");
        break;
      case 1:  // a new size: refused unless the optimizer was reset first
        n = in.ConsumeIntegralInRange<std::size_t>(0, 24);
        params = fuzz::any_doubles(in, n);
        break;
      default: {
        // usually a gradient of the right size; now and then one value more or less
        std::size_t grad_size = params.size();
        if (in.ConsumeIntegralInRange<int>(0, 15) == 0) grad_size = in.ConsumeIntegralInRange<std::size_t>(0, 25);
        const bool zero = in.ConsumeIntegralInRange<int>(0, 3) == 0;
        std::vector<double> grad = zero ? std::vector<double>(grad_size, 0.0) : fuzz::any_doubles(in, grad_size);
        const std::vector<double> before = params, update_before = copy(opt->last_update()),
                                  rate_before = copy(opt->effective_rate()),
                                  moment_before = copy(opt->second_moment());
        const auto steps_before = opt->steps();
        const bool fresh = steps_before == 0;
        if (fuzz::describing())
          std::fprintf(stderr, "  step params %s grad %s\n", fuzz::list(params).c_str(), fuzz::list(grad).c_str());
        if (!accepted([&] { opt->step(params, grad); })) {
          FUZZ_EXPECT(same_bits(params, before), "a refused step changed params");
          FUZZ_EXPECT(opt->steps() == steps_before, "a refused step changed the step count");
          FUZZ_EXPECT(same_bits(opt->last_update(), update_before), "a refused step changed last_update");
          FUZZ_EXPECT(same_bits(opt->effective_rate(), rate_before), "a refused step changed effective_rate");
          FUZZ_EXPECT(same_bits(opt->second_moment(), moment_before), "a refused step changed second_moment");
          break;
        }
        FUZZ_EXPECT(grad.size() == params.size() && !params.empty() && fuzz::all_finite(grad),
               "a step accepted a gradient of the wrong size or a non-finite one");
        FUZZ_EXPECT(opt->steps() == steps_before + 1, "a step did not count itself");
        FUZZ_EXPECT(opt->last_update().size() == params.size(), "last_update has the wrong size");
        const bool sgd = opt->kind() == "sgd";
        FUZZ_EXPECT(opt->effective_rate().size() == (sgd ? 0 : params.size()), "effective_rate has the wrong size");
        FUZZ_EXPECT(opt->second_moment().size() == (sgd ? 0 : params.size()), "second_moment has the wrong size");
        for (double g : opt->second_moment())
          FUZZ_EXPECT(!(g < 0), "a second moment (a sum or average of squares) is negative: " + std::to_string(g));
        if (fresh && zero && !weight_decay && opt->kind() != "adam" && fuzz::all_finite(before)) {
          for (std::size_t i = 0; i < params.size(); ++i)
            FUZZ_EXPECT(opt->last_update()[i] == 0 && params[i] == before[i],
                   std::string(opt->kind()) + ": a zero gradient on fresh state moved a parameter by " +
                       std::to_string(opt->last_update()[i]));
          // the rate may be inf (η/ε overflows: that is its value), never nan
          for (double r : opt->effective_rate())
            FUZZ_EXPECT(!std::isnan(r), std::string(opt->kind()) + ": a zero gradient on fresh state reports the rate nan");
        }
      }
    }
  }
  return 0;
}
