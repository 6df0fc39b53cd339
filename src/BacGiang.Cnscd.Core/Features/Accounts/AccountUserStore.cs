using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Core.Features.Accounts;

/// <summary>
/// Identity's store over one short-lived context. The stock <c>UpdateAsync</c> calls
/// <c>Context.Update</c>, which marks every column modified, so the audit row of "lock this account"
/// would list the password hash, e-mail and phone as changed. Here the account is always loaded by
/// this same context, so change tracking already knows what changed: only that is written and audited.
/// The concurrency stamp still guards the UPDATE.
/// </summary>
internal sealed class AccountUserStore(CnscdDbContext context, IdentityErrorDescriber describer)
    : UserOnlyStore<AppUser, CnscdDbContext>(context, describer)
{
    public override async Task<IdentityResult> UpdateAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (Context.Entry(user).State == EntityState.Detached)
        {
            return await base.UpdateAsync(user, cancellationToken);
        }

        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        try
        {
            await Context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return IdentityResult.Failed(ErrorDescriber.ConcurrencyFailure());
        }

        return IdentityResult.Success;
    }
}
