// What almost every page of a feature slice uses (issue 12): a page file starts with its own
// feature's namespaces, not the same block of framework and shared-project imports.
global using Commissioning.Domain.Common;
global using Commissioning.Infrastructure.Data;
global using Commissioning.Web.Forms;
global using Commissioning.Web.Setup;
global using FluentValidation;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.EntityFrameworkCore;
