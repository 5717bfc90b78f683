package dev.kelas.learning.enrollment.dto;

import jakarta.validation.constraints.Size;

/** Ends an enrollment; the reason is kept with it. */
public record WithdrawRequest(@Size(max = 500) String reason) {
}
