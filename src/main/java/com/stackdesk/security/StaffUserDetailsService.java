package com.stackdesk.security;

import com.stackdesk.staff.StaffMembers;
import java.time.Clock;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signs staff in from their accounts; inactive accounts are disabled and locked ones refused. */
@Service
class StaffUserDetailsService implements UserDetailsService {

    private final StaffMembers staff;
    private final Clock clock;

    StaffUserDetailsService(StaffMembers staff, Clock clock) {
        this.staff = staff;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        var member = staff.findByUsernameIgnoreCase(username.strip())
                .orElseThrow(() -> new UsernameNotFoundException("No staff account " + username));
        return User.withUsername(member.getUsername())
                .password(member.getPasswordHash())
                .roles(member.getRole().name())
                .disabled(!member.isActive())
                .accountLocked(member.isLockedAt(clock.instant()))
                .build();
    }
}
